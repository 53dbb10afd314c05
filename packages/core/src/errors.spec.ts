import { describe, expect, it } from 'vitest'
import {
  VideoApiError,
  VideoClientError,
  VideoConfigError,
  VideoNetworkError,
  VideoValidationError,
} from './errors'

describe('toJSON', () => {
  it('writes the name, the message and every field', () => {
    const error = new VideoApiError({
      status: 429,
      message: 'Slow down',
      code: 'rate_limit_exceeded',
      retryAfterMs: 60_000,
      requestedRetryAfterMs: 3_600_000,
    })
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'VideoApiError',
      message: 'Slow down',
      status: 429,
      code: 'rate_limit_exceeded',
      type: null,
      param: null,
      retryAfterMs: 60_000,
      requestedRetryAfterMs: 3_600_000,
    })
  })

  it('writes the cause chain as { name, message }, to a bounded depth', () => {
    let cause: Error = new Error('root')
    for (let i = 0; i < 10; i++) cause = new TypeError(`level ${i}`, { cause })
    const json = JSON.parse(JSON.stringify(new VideoNetworkError('failed', { cause }))) as {
      cause: { name: string; message: string; cause?: unknown }
    }
    expect(json.cause).toMatchObject({ name: 'TypeError', message: 'level 9' })
    expect(JSON.stringify(json).match(/level/g)).toHaveLength(5)
    expect(JSON.parse(JSON.stringify(new VideoNetworkError('x', { cause: 'a string' })))).toMatchObject({
      cause: 'a string',
    })
  })

  it("keeps a validation error's issues and body", () => {
    const error = new VideoValidationError('bad', [{ code: 'custom', path: ['id'], message: 'm' }], { id: 1 })
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'VideoValidationError',
      issues: [{ path: ['id'], message: 'm' }],
      body: { id: 1 },
    })
  })
})

describe('VideoConfigError', () => {
  it("is a VideoClientError naming the option, with the failing function's error as cause", () => {
    const cause = new Error('token service down')
    const error = new VideoConfigError('headers', 'the headers function threw', { cause })
    expect(error).toBeInstanceOf(VideoClientError)
    expect(error).toMatchObject({ name: 'VideoConfigError', option: 'headers', cause })
    expect(new VideoConfigError('baseURL', 'x').cause).toBeUndefined()
  })
})
