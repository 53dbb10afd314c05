import { describe, expect, it } from 'vitest'
import { VideoApiError, VideoNetworkError, VideoValidationError } from '../errors'
import { ConcurrencyLimit } from './concurrency'

describe('ConcurrencyLimit', () => {
  it('starts at 4 and grows by one per window of fast answers, up to 32', () => {
    const limit = new ConcurrencyLimit()
    expect(limit.limit).toBe(4)
    for (let i = 0; i < 4; i++) limit.answered(150)
    expect(limit.limit).toBe(4)
    limit.answered(150)
    expect(limit.limit).toBe(5)
    for (let i = 0; i < 2_000; i++) limit.answered(150)
    expect(limit.limit).toBe(32)
  })

  it('does not grow while answers take more than twice the fastest (requests queue somewhere)', () => {
    const limit = new ConcurrencyLimit()
    limit.answered(100)
    const before = limit.limit
    for (let i = 0; i < 50; i++) limit.answered(450)
    expect(limit.limit).toBe(before)
  })

  it('halves on a 429, a 5xx, a timeout or a lost connection, never below 2', () => {
    const limit = new ConcurrencyLimit()
    for (let i = 0; i < 200; i++) limit.answered(150)
    const grown = limit.limit
    limit.failed(new VideoApiError({ status: 429, message: 'slow down' }))
    expect(limit.limit).toBe(Math.floor(grown / 2))
    limit.failed(new VideoApiError({ status: 503, message: 'busy' }))
    limit.failed(new VideoNetworkError('reset', { timedOut: true }))
    limit.failed(new VideoNetworkError('reset'))
    limit.failed(new VideoApiError({ status: 500, message: 'oops' }))
    expect(limit.limit).toBe(2)
  })

  it('keeps its limit on failures that say nothing of strain (a 404, a body that broke the schema)', () => {
    const limit = new ConcurrencyLimit()
    limit.failed(new VideoApiError({ status: 404, message: 'gone' }))
    limit.failed(new VideoValidationError('bad body', [], {}))
    expect(limit.limit).toBe(4)
  })
})
