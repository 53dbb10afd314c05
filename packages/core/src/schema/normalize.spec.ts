import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eachSeed } from '../../test/property-seed'
import { normalizeVideo, PROVIDER_STATUSES, type NormalizeContext } from './normalize'
import { parseVideo } from './read-video'
import { VIDEO_STATUSES, VideoSchema, type Video } from './video'

const parseWire = (body: unknown): Video => VideoSchema.parse(body)

const NOW = 1_767_225_600

function context(overrides: Partial<NormalizeContext> & { videos?: Video[] } = {}): NormalizeContext {
  const byId = new Map((overrides.videos ?? []).map((video) => [video.id, video]))
  return { idOf: () => undefined, cached: (id) => byId.get(id), nowSeconds: () => NOW, ...overrides }
}

const wire = (fields: Record<string, unknown>): Record<string, unknown> => ({
  id: 'video_1',
  object: 'video',
  status: 'queued',
  progress: 0,
  created_at: NOW - 60,
  ...fields,
})

const read = (fields: Record<string, unknown>, ctx = context()): Video => parseVideo(wire(fields), 'GET', ctx)

describe('normalizeVideo', () => {
  it('passes a spec body through as the very same object', () => {
    const body = wire({ status: 'in_progress', progress: 42, model: 'sora-2' })
    expect(normalizeVideo(body, context())).toBe(body)
  })

  it.each([
    ['pending', 'queued'],
    ['submitted', 'queued'],
    ['preprocessing', 'queued'],
    ['NOT_START', 'queued'],
    ['processing', 'in_progress'],
    ['running', 'in_progress'],
    ['generating', 'in_progress'],
    ['IN_PROGRESS', 'in_progress'],
    ['succeeded', 'completed'],
    ['SUCCESS', 'completed'],
    ['error', 'failed'],
    ['FAILURE', 'failed'],
    ['cancelled', 'failed'],
    ['canceled', 'failed'],
    ['expired', 'failed'],
    ['rejected', 'failed'],
  ])('maps the provider status %j to %j, keeping the original readable', (original, status) => {
    expect(read({ status: original })).toMatchObject({ status, original_status: original })
  })

  it('names the failure of a job that ended badly without a reason after its status', () => {
    expect(read({ status: 'cancelled', error: null }).error).toEqual({
      code: 'cancelled',
      message: "The job ended 'cancelled' and the server gave no reason.",
    })
    expect(read({ status: 'failed', error: { code: 1026, message: 'sensitive content' } }).error).toEqual({
      code: '1026',
      message: 'sensitive content',
    })
  })

  it('keeps the previous status for an unknown or missing one (polling goes on), queued at first', () => {
    const previous = read({ status: 'in_progress', progress: 40 })
    const ctx = context({ videos: [previous] })
    expect(read({ status: 'unknown', progress: 40 }, ctx)).toMatchObject({
      status: 'in_progress',
      original_status: 'unknown',
    })
    expect(read({ status: undefined }, ctx).status).toBe('in_progress')
    expect(read({ status: 'mystery' }).status).toBe('queued')
  })

  it('reads progress: null or missing is the last known (0 at first), "30%" is 30, a fraction is a share', () => {
    const previous = read({ status: 'in_progress', progress: 40 })
    const ctx = context({ videos: [previous] })
    expect(read({ progress: null }, ctx).progress).toBe(40)
    expect(read({ progress: undefined }).progress).toBe(0)
    expect(read({ progress: '30%' }).progress).toBe(30)
    expect(read({ progress: 0.35 }).progress).toBeCloseTo(35)
    expect(read({ progress: 1 }).progress).toBe(1)
  })

  it('accepts null model, size and seconds, and seconds as a number', () => {
    expect(read({ model: null, size: null, seconds: null })).toMatchObject({
      model: null,
      size: null,
      seconds: null,
    })
    expect(read({ seconds: 8 }).seconds).toBe('8')
  })

  it('gives a job without created_at the time the client first saw it, and keeps it', () => {
    expect(read({ created_at: null }).created_at).toBe(NOW)
    const first = read({ created_at: null })
    expect(
      read({ created_at: null }, context({ nowSeconds: () => NOW + 99, videos: [first] })).created_at,
    ).toBe(NOW)
    expect(read({ created_at: '2026-01-01T00:00:00Z' }).created_at).toBe(Date.UTC(2026, 0, 1) / 1000)
    expect(read({ created_at: NOW + 0.7 }).created_at).toBe(NOW)
  })

  it('stores an answer about a job under the id the app asked about, whatever id it carries', () => {
    expect(read({ id: 'video_re-encoded' }, context({ requestedId: 'video_1' })).id).toBe('video_1')
    expect(read({ id: '' }, context({ requestedId: 'video_1' })).id).toBe('video_1')
    expect(
      read({ id: 'video_alias' }, context({ idOf: (id) => (id === 'video_alias' ? 'video_1' : undefined) }))
        .id,
    ).toBe('video_1')
  })

  it('keeps the prompt, model, size and seconds the client knows when an answer leaves them out', () => {
    const previous = read({
      id: 'video_1',
      prompt: 'A boat',
      model: 'sora-2',
      size: '1280x720',
      seconds: '8',
    })
    const later = read(
      { id: 'video_1', prompt: null, size: null },
      context({ cached: (id) => (id === 'video_1' ? previous : undefined) }),
    )
    expect(later).toMatchObject({ prompt: 'A boat', model: 'sora-2', size: '1280x720', seconds: '8' })
    const created = read(
      { id: 'video_2' },
      context({ sent: { prompt: 'Rain', size: '720x1280', model: undefined } }),
    )
    expect(created).toMatchObject({ prompt: 'Rain', size: '720x1280' })
    expect(read({ id: 'video_3', prompt: 'theirs' }, context({ sent: { prompt: 'ours' } })).prompt).toBe(
      'theirs',
    )
  })

  it('reads a gateway body without any context, as a team’s own fetch code calls it', () => {
    const before = Math.floor(Date.now() / 1000)
    const video = parseWire(normalizeVideo({ id: 'v', status: 'processing', progress: null }))
    expect(video).toMatchObject({ id: 'v', object: 'video', status: 'in_progress', progress: 0 })
    expect(video.created_at).toBeGreaterThanOrEqual(before)
  })

  it('leaves what it cannot fix for the schema to refuse', () => {
    expect(() => read({ progress: 250 })).toThrow(/progress/)
    expect(() => read({ object: 'list' })).toThrow(/object/)
    expect(normalizeVideo('not a video', context())).toBe('not a video')
  })

  // Found by a fresh seed: a plain object's lookup of '__proto__' answered Object.prototype as the status.
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    "keeps the previous status for '%s', a name every plain object has",
    (sent) => {
      const previous = read({ status: 'in_progress', progress: 40 })
      const next = read({ status: sent }, context({ videos: [previous] }))
      expect(next.status).toBe('in_progress')
      expect(next.original_status).toBe(sent)
      expect(PROVIDER_STATUSES[sent]).toBeUndefined()
    },
  )

  it('answers one of the four statuses for any status sent, the previous one for one it does not know (property)', () => {
    const anyStatus = fc.oneof(
      fc.constantFrom(...Object.keys(PROVIDER_STATUSES), 'unknown', 'SUCCESS'),
      fc.string(),
    )
    return eachSeed([14], (seed) =>
      fc.assert(
        fc.property(fc.constantFrom(...VIDEO_STATUSES), anyStatus, (before, sent) => {
          const previous = read({
            status: before,
            error: before === 'failed' ? { code: 'x', message: 'x' } : null,
          })
          const next = read({ status: sent }, context({ videos: [previous] }))
          const known = PROVIDER_STATUSES[sent.trim().toLowerCase()]
          expect(next.status).toBe(known ?? previous.status)
        }),
        { seed, numRuns: 300 },
      ),
    )
  })
})
