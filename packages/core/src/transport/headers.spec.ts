import { describe, expect, it } from 'vitest'
import {
  MAX_RETRY_AFTER_MS,
  readPollAfterMs,
  readRequestId,
  readRetryAfter,
  readRetryAfterMs,
} from './headers'

const headers = (init: Record<string, string>): Headers => new Headers(init)

describe('readPollAfterMs', () => {
  it('reads a non-negative integer', () => {
    expect(readPollAfterMs(headers({ 'openai-poll-after-ms': '2500' }))).toBe(2500)
    expect(readPollAfterMs(headers({ 'openai-poll-after-ms': '0' }))).toBe(0)
  })

  it.each(['', 'soon', '-5', '1.5', '1e3', 'NaN'])('ignores %j', (value) => {
    expect(readPollAfterMs(headers({ 'openai-poll-after-ms': value }))).toBeUndefined()
  })

  it('is undefined when absent', () => {
    expect(readPollAfterMs(headers({}))).toBeUndefined()
  })
})

describe('readRequestId', () => {
  it('reads x-request-id, and nothing when absent or blank', () => {
    expect(readRequestId(headers({ 'x-request-id': 'req_123' }))).toBe('req_123')
    expect(readRequestId(headers({}))).toBeUndefined()
    expect(readRequestId(headers({ 'x-request-id': ' ' }))).toBeUndefined()
  })
})

describe('readRetryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z')

  it('prefers retry-after-ms', () => {
    expect(readRetryAfterMs(headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500)
  })

  it('rounds fractional milliseconds up', () => {
    expect(readRetryAfterMs(headers({ 'retry-after-ms': '12.2' }), now)).toBe(13)
  })

  it('falls back to retry-after when retry-after-ms is garbage', () => {
    expect(readRetryAfterMs(headers({ 'retry-after-ms': 'later', 'retry-after': '3' }), now)).toBe(3000)
  })

  it('reads retry-after as seconds', () => {
    expect(readRetryAfterMs(headers({ 'retry-after': '2' }), now)).toBe(2000)
    expect(readRetryAfterMs(headers({ 'retry-after': '0' }), now)).toBe(0)
  })

  it('reads retry-after as an HTTP date relative to now', () => {
    expect(readRetryAfterMs(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }), now)).toBe(5000)
  })

  it('never returns a negative wait for a date in the past', () => {
    expect(readRetryAfterMs(headers({ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }), now)).toBe(0)
  })

  it('uses Date.now() by default', () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString()
    const wait = readRetryAfterMs(headers({ 'retry-after': inTenSeconds }))
    expect(wait).toBeGreaterThan(8_000)
    expect(wait).toBeLessThanOrEqual(10_000)
  })

  it.each(['', 'tomorrow-ish', '-1'])('ignores retry-after %j', (value) => {
    expect(readRetryAfterMs(headers({ 'retry-after': value }), now)).toBeUndefined()
  })

  it('is undefined when neither header is sent', () => {
    expect(readRetryAfterMs(headers({}), now)).toBeUndefined()
  })
})

describe('the Retry-After cap', () => {
  const now = Date.parse('2025-01-01T00:00:00Z')

  it('is one minute', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(60_000)
  })

  it.each([
    ['retry-after-ms past 2^31-1', { 'retry-after-ms': '2147483648' }, 2_147_483_648],
    ['retry-after in seconds', { 'retry-after': '86400' }, 86_400_000],
    [
      'retry-after as a far HTTP date',
      { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' },
      253402300799000 - now,
    ],
    ['a number too long for a double', { 'retry-after': '9'.repeat(400) }, Number.POSITIVE_INFINITY],
  ])('caps %s at 60 s, keeping what the server asked for', (_, init, requested) => {
    expect(readRetryAfterMs(headers(init), now)).toBe(60_000)
    expect(readRetryAfter(headers(init), now)).toEqual({ ms: 60_000, requestedMs: requested })
  })

  it('takes a wait up to the cap as it is', () => {
    expect(readRetryAfter(headers({ 'retry-after': '60' }), now)).toEqual({
      ms: 60_000,
      requestedMs: undefined,
    })
    expect(readRetryAfter(headers({ 'retry-after-ms': '59999.5' }), now)).toEqual({
      ms: 60_000,
      requestedMs: undefined,
    })
  })
})
