import { describe, expect, it } from 'vitest'
import { VideoApiError, VideoNetworkError, VideoValidationError } from '../errors'
import { REDACTED, redactError, redactText, redactValue } from './redact'

const KEY = 'sk-redact-me-0123'

describe('redactText', () => {
  it('replaces every occurrence of every secret, ignoring empty ones', () => {
    expect(redactText(`${KEY}/${KEY} tok`, [KEY, 'tok', ''])).toBe(`${REDACTED}/${REDACTED} ${REDACTED}`)
  })
})

describe('redactValue', () => {
  it('redacts strings anywhere in objects and arrays, copying only what changes', () => {
    const clean = { list: [1, 'two', null] }
    const value = { clean, dirty: { deep: [{ key: `Bearer ${KEY}` }] }, n: 1 }
    const redacted = redactValue(value, [KEY])
    expect(redacted).toEqual({ clean, dirty: { deep: [{ key: `Bearer ${REDACTED}` }] }, n: 1 })
    expect(redacted.clean).toBe(clean)
    expect(value.dirty.deep[0]?.key).toBe(`Bearer ${KEY}`)
    expect(redactValue(clean, [KEY])).toBe(clean)
    expect(redactValue(value, [])).toBe(value)
  })

  it('replaces a cycle, or what is too deep to check, by a placeholder', () => {
    const cyclic: Record<string, unknown> = { key: KEY }
    cyclic.self = cyclic
    expect(redactValue(cyclic, [KEY])).toEqual({
      key: REDACTED,
      self: expect.stringMatching(/^\[redacted: not/),
    })
    let deep: unknown = KEY
    for (let i = 0; i < 10_000; i++) deep = [deep]
    expect(JSON.stringify(redactValue(deep, [KEY]))).not.toContain(KEY)
  })

  it('copies an error that holds a secret, keeping its class, name and cause chain', () => {
    const inner = new Error(`inner ${KEY}`)
    const error = Object.assign(new TypeError(`outer ${KEY}`, { cause: inner }), { code: KEY })
    const copy = redactValue(error, [KEY])
    expect(copy).not.toBe(error)
    expect(copy).toBeInstanceOf(TypeError)
    expect(copy).toMatchObject({ name: 'TypeError', message: `outer ${REDACTED}`, code: REDACTED })
    expect((copy.cause as Error).message).toBe(`inner ${REDACTED}`)
    expect(copy.stack).not.toContain(KEY)
    expect(error.message).toBe(`outer ${KEY}`)
    const clean = new RangeError('nothing secret')
    expect(redactValue(clean, [KEY])).toBe(clean)
  })
})

describe('redactError', () => {
  it('redacts every own field of a vidjob error in place, message and stack included', () => {
    const error = new VideoApiError({ status: 401, message: `bad ${KEY}`, code: KEY, requestId: KEY })
    expect(redactError(error, [KEY])).toBe(error)
    expect(error).toMatchObject({
      message: `bad ${REDACTED}`,
      code: REDACTED,
      requestId: REDACTED,
      status: 401,
    })
    expect(error.stack).not.toContain(KEY)
    expect(JSON.stringify(error)).not.toContain(KEY)
  })

  it('redacts issues, their input and the body of a validation error', () => {
    const error = new VideoValidationError(
      'x',
      [{ code: 'custom', path: [KEY], message: KEY, input: { echoed: KEY } }],
      { prompt: KEY },
    )
    redactError(error, [KEY])
    expect(JSON.stringify(error)).not.toContain(KEY)
    expect(error.issues[0]).toMatchObject({
      path: [REDACTED],
      message: REDACTED,
      input: { echoed: REDACTED },
    })
  })

  it('replaces a cause that holds a secret with a redacted copy, leaving the original alone', () => {
    const cause = new TypeError(`fetch failed for ${KEY}`)
    const error = redactError(new VideoNetworkError('failed', { cause }), [KEY])
    expect(error.cause).not.toBe(cause)
    expect(error.cause).toBeInstanceOf(TypeError)
    expect(JSON.stringify(error)).not.toContain(KEY)
    expect(cause.message).toContain(KEY)
  })
})
