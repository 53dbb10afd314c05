import { describe, expect, it } from 'vitest'
import { VideoApiError, VideoNetworkError, VideoUnsupportedError, VideoValidationError } from '../errors'
import { Capabilities, routeFailure, unsupported } from './capabilities'

function clockAt(ms = 0) {
  const clock = { ms, now: () => clock.ms }
  return clock
}

const api = (status: number, message = 'x') => new VideoApiError({ status, message })

describe('Capabilities', () => {
  it('starts from what is declared, everything on by default', () => {
    const open = new Capabilities({}, clockAt())
    expect([open.list, open.delete, open.contentVariants, open.canPollPages]).toEqual([
      true,
      true,
      true,
      true,
    ])
    const closed = new Capabilities({ list: false, delete: false, contentVariants: false }, clockAt())
    expect([closed.list, closed.delete, closed.contentVariants, closed.canPollPages]).toEqual([
      false,
      false,
      false,
      false,
    ])
  })

  it.each([404, 405, 501])('turns the list off for good after a %i', (status) => {
    const capabilities = new Capabilities({}, clockAt())
    capabilities.listFailed(api(status))
    expect(capabilities.list).toBe(false)
    capabilities.listAnswered()
    expect(capabilities.list).toBe(false)
  })

  it('keeps the list after a 404 or a non-list answer to a page whose cursor was a guess, but pauses on a 503', () => {
    const clock = clockAt()
    const capabilities = new Capabilities({}, clock)
    capabilities.listFailed(api(404), true)
    capabilities.listFailed(new VideoValidationError('bad', [], { id: 'video_1', object: 'video' }), true)
    expect([capabilities.list, capabilities.canPollPages]).toEqual([true, true])
    capabilities.listFailed(api(503), true)
    expect(capabilities.canPollPages).toBe(false)
  })

  it('turns the list off after an answer that is no list page (an HTML page, a single video)', () => {
    const capabilities = new Capabilities({}, clockAt())
    capabilities.listFailed(new VideoValidationError('bad', [], { id: 'video_1', object: 'video' }))
    expect(capabilities.list).toBe(false)
  })

  it('keeps the list for a list page with one bad row', () => {
    const capabilities = new Capabilities({}, clockAt())
    capabilities.listFailed(new VideoValidationError('bad', [], { object: 'list', data: [{}] }))
    expect(capabilities.list).toBe(true)
  })

  it('turns the list off after a 5xx that says it is not supported (LiteLLM before Veo)', () => {
    const capabilities = new Capabilities({}, clockAt())
    capabilities.listFailed(
      api(500, 'litellm.APIConnectionError: Video list is not supported by Google Veo.'),
    )
    expect(capabilities.list).toBe(false)
  })

  it('pauses the list after each 5xx, doubling from 5 s up to 5 min, and resumes at the first good page', () => {
    const clock = clockAt(0)
    const capabilities = new Capabilities({}, clock)
    const pauses: number[] = []
    for (let i = 0; i < 9; i++) {
      capabilities.listFailed(i % 2 ? new VideoNetworkError('down') : api(503))
      const start = clock.ms
      while (!capabilities.canPollPages) clock.ms += 1_000
      pauses.push(clock.ms - start)
    }
    expect(pauses).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300].map((s) => s * 1_000))
    expect(capabilities.list).toBe(true)
    capabilities.listFailed(api(503))
    expect(capabilities.canPollPages).toBe(false)
    capabilities.listAnswered()
    expect(capabilities.canPollPages).toBe(true)
    capabilities.listFailed(api(503))
    clock.ms += 5_000
    expect(capabilities.canPollPages).toBe(true)
  })

  it('keeps the list on 4xx refusals and 429s, which say nothing of the route', () => {
    const capabilities = new Capabilities({}, clockAt())
    for (const status of [400, 401, 403, 429]) capabilities.listFailed(api(status))
    expect([capabilities.list, capabilities.canPollPages]).toEqual([true, true])
  })

  it('turns delete off after a 405 or 501 or a 404 for a video still there, not after a 500', () => {
    const a = new Capabilities({}, clockAt())
    a.deleteFailed(api(500))
    expect(a.delete).toBe(true)
    a.deleteFailed(api(405))
    expect(a.delete).toBe(false)
    const b = new Capabilities({}, clockAt())
    b.deleteIgnored()
    expect(b.delete).toBe(false)
  })

  it('turns content variants off once a video comes back for an image', () => {
    const capabilities = new Capabilities({}, clockAt())
    capabilities.variantsIgnored()
    expect(capabilities.contentVariants).toBe(false)
  })
})

describe('routeFailure', () => {
  it('reads a 5xx that says "not implemented" as unsupported, other 5xx as transient', () => {
    expect(routeFailure(api(500, 'NotImplementedError: not implemented'))).toBe('unsupported')
    expect(routeFailure(api(500, 'upstream timed out'))).toBe('transient')
    expect(routeFailure(api(404))).toBe('gone')
  })
})

describe('unsupported', () => {
  it('says whether anything was sent and how to fix it', () => {
    expect(unsupported('list', 'list videos', 'no list route').message).toMatch(
      /cannot list videos \(no list route\), so nothing was sent\. Declare createVideoClient\(\{ capabilities \}\)/,
    )
    const cause = api(405)
    const learned = unsupported('delete', 'delete videos', 'it answered 405', { cause })
    expect(learned.message).toMatch(/later calls are refused unsent/)
    expect(learned.cause).toBe(cause)
    expect(learned).toBeInstanceOf(VideoUnsupportedError)
    expect(learned.capability).toBe('delete')
  })
})
