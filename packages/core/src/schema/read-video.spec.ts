import { dequal } from 'dequal'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { eachSeed } from '../../test/property-seed'
import { VideoValidationError } from '../errors'
import { CreateVideoParamsSchema, VIDEO_STATUSES, VideoListSchema, VideoSchema, type Video } from '.'
import { parseBody, parseInput } from './parse'
import { parseVideo, parseVideoList, type ReadContext } from './read-video'

const broken = { id: '', object: 'video', status: 'rendering', progress: 140, created_at: 1.5 }

function caught(run: () => unknown): VideoValidationError {
  try {
    run()
  } catch (error) {
    if (error instanceof VideoValidationError) return error
    throw error
  }
  throw new Error('expected a VideoValidationError')
}

describe('parseBody', () => {
  it('names each broken field in English, although zod/mini ships no messages', () => {
    const error = caught(() => parseBody(VideoSchema, broken, 'GET /videos/v1'))
    expect(error.message).toContain('GET /videos/v1 answered with data that breaks the Videos API schema')
    expect(error.message).toContain('status: Invalid option: expected one of "queued"|"in_progress"')
    expect(error.message).toContain('progress: Too big: expected number to be <=100')
    expect(error.message).toContain('created_at: Invalid input: expected int')
    expect(error.message).not.toContain('Invalid input;')
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'id',
      'status',
      'progress',
      'created_at',
    ])
    expect(error.body).toBe(broken)
  })

  it('returns the parsed value, extra fields kept', () => {
    const video = { id: 'v', object: 'video', status: 'queued', progress: 0, created_at: 1, extra: true }
    expect(parseBody(VideoSchema, video, 'GET /videos/v')).toEqual(video)
  })
})

describe('parseInput', () => {
  it("keeps vidjob's own messages and says nothing was sent", () => {
    const error = caught(() => parseInput(CreateVideoParamsSchema, { prompt: '' }, 'create() params'))
    expect(error.message).toBe('Invalid create() params: prompt: prompt must not be empty. Nothing was sent.')
  })

  it('does not change the messages of zod schemas parsed outside vidjob', () => {
    caught(() => parseInput(CreateVideoParamsSchema, { prompt: 1 }, 'create() params'))
    const outside = VideoSchema.safeParse(broken)
    expect(outside.success).toBe(false)
    expect(outside.error?.issues[0]?.message).toBe('Invalid input')
  })
})

function video(id: string, progress: number): Video {
  return { id, object: 'video', status: 'in_progress', progress, created_at: 1, extra: { nested: [1] } }
}

/** What the fetcher reads with: the cache holding `videos`, no alias, a fixed time. */
function cacheOf(...videos: Video[]): ReadContext {
  const byId = new Map(videos.map((cached) => [cached.id, cached]))
  return { cached: (id) => byId.get(id), idOf: () => undefined, nowSeconds: () => 1_700_000_000 }
}

const page = (data: unknown[], hasMore: unknown = false) => ({
  object: 'list',
  data,
  first_id: null,
  last_id: null,
  has_more: hasMore,
})

describe('parseVideo and parseVideoList (parse only what differs from the cache)', () => {
  afterEach(() => vi.restoreAllMocks())

  it('returns the cached object for an equal body and parses a different one', () => {
    const cached = video('a', 10)
    const find = cacheOf(cached)
    expect(parseVideo(structuredClone(cached), 'GET /videos/a', find)).toBe(cached)
    const moved = parseVideo(video('a', 11), 'GET /videos/a', find)
    expect(moved).not.toBe(cached)
    expect(moved.progress).toBe(11)
    expect(() => parseVideo({ ...video('a', 10), progress: 140 }, 'GET /videos/a', find)).toThrow(
      /GET \/videos\/a answered with data that breaks the Videos API schema \(progress: Too big/,
    )
  })

  it('parses a row with an own `__proto__` key, which a cached video never has', () => {
    const cached = video('a', 10)
    const raw = JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(cached).slice(1)}`) as unknown
    expect(Object.keys(raw as object)).toContain('__proto__')
    expect(parseVideo(raw, 'GET /videos/a', cacheOf(cached))).not.toBe(cached)
  })

  it('validates only the rows that changed and keeps the cached objects of the others', () => {
    const a = video('a', 10)
    const b = video('b', 20)
    const spy = vi.spyOn(VideoListSchema, 'safeParse')
    const parsed = parseVideoList(
      page([structuredClone(a), video('b', 21), structuredClone(a)]),
      'GET /videos',
      cacheOf(a, b),
    )
    expect(spy.mock.calls.map(([body]) => (body as { data: unknown[] }).data.length)).toEqual([1])
    expect(parsed.data[0]).toBe(a)
    expect(parsed.data[1]).toEqual(video('b', 21))
    expect(parsed.data[2]).toBe(a)
    expect(parsed.has_more).toBe(false)
  })

  it('rejects the whole page with the error of a full parse, row index included', () => {
    const a = video('a', 10)
    // An unknown status is kept as the previous one (normalization); a progress of 250 breaks the schema.
    const body = page([structuredClone(a), { ...video('b', 1), progress: 250 }])
    let full: unknown
    try {
      parseBody(VideoListSchema, body, 'GET /videos')
    } catch (error) {
      full = error
    }
    expect(full).toBeInstanceOf(VideoValidationError)
    expect(() => parseVideoList(body, 'GET /videos', cacheOf(a))).toThrow((full as Error).message)
    expect((full as Error).message).toContain('data.1.progress')
  })

  it('still validates the envelope when every row is cached', () => {
    const a = video('a', 10)
    expect(() => parseVideoList(page([structuredClone(a)], 'yes'), 'GET /videos', cacheOf(a))).toThrow(
      /has_more: Invalid input: expected boolean/,
    )
    expect(() => parseVideoList({ data: 'none' }, 'GET /videos', cacheOf(a))).toThrow(VideoValidationError)
  })

  // What makes skipping the parse sound: a parsed video equals its input, so raw data equal to a cached
  // (parsed) video is valid and would parse to the same value. A transform or default in VideoSchema
  // would break this, and this property with it.
  it('VideoSchema returns data equal to its input whenever it accepts it', async () => {
    // Mostly valid values, so that most inputs are accepted; some invalid, so the boundary is crossed.
    const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: invalid })
    const videoLike = fc.record(
      {
        id: mostly(fc.string({ minLength: 1 }), fc.oneof(fc.constant(''), fc.integer())),
        object: mostly(fc.constant('video'), fc.constant('list')),
        status: mostly(fc.constantFrom(...VIDEO_STATUSES), fc.constant('rendering')),
        progress: mostly(fc.integer({ min: 0, max: 100 }), fc.double()),
        created_at: mostly(fc.nat(), fc.double()),
        model: fc.option(fc.string(), { nil: undefined }),
        completed_at: fc.option(fc.nat(), { nil: null }),
        prompt: fc.option(fc.string(), { nil: null }),
        error: fc.option(
          fc.record(
            { code: fc.string(), message: fc.string(), detail: fc.jsonValue() },
            { requiredKeys: [] },
          ),
          { nil: null },
        ),
      },
      { requiredKeys: ['id', 'object', 'status', 'progress', 'created_at'] },
    )
    // zod assigns fields one by one, so a `__proto__` key sets the output's prototype instead of a field:
    // such a row never equals a cached video (dequal compares own keys), so it always takes the parse.
    const extraKey = fc.string().filter((key) => key !== '__proto__')
    const raw = fc
      .tuple(videoLike, fc.dictionary(extraKey, fc.jsonValue()))
      // Bodies come from JSON.parse: plain prototypes, no undefined, NaN or -0.
      .map(([fields, extra]) => JSON.parse(JSON.stringify({ ...extra, ...fields })) as unknown)
    await eachSeed([20260103], (seed) => {
      let accepted = 0
      fc.assert(
        fc.property(raw, (input) => {
          const result = VideoSchema.safeParse(input)
          if (!result.success) return
          accepted++
          expect(dequal(result.data, input)).toBe(true)
        }),
        { seed, numRuns: 2_000 },
      )
      expect(accepted).toBeGreaterThan(500)
    })
  }, 30_000)
})
