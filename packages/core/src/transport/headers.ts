/**
 * The answer headers vidjob acts on. Servers and proxies send all kinds of values, so each reader returns
 * `undefined` for anything it cannot use rather than guessing.
 */

/** The part of `Headers` the readers need (the openai SDK's errors carry a `Headers` too). */
export interface HeaderReader {
  get(name: string): string | null
}

const NON_NEGATIVE_INTEGER = /^\d+$/
const NON_NEGATIVE_NUMBER = /^\d+(?:\.\d+)?$/
/** All three HTTP-date forms spell the month; this keeps `Date.parse` from reading `-1` as a year. */
const HAS_MONTH_NAME = /[a-z]{3}/i

/** `openai-poll-after-ms`: when the server wants the next poll, as a non-negative integer of milliseconds. */
export function readPollAfterMs(headers: HeaderReader): number | undefined {
  const value = headers.get('openai-poll-after-ms')?.trim()
  return value !== undefined && NON_NEGATIVE_INTEGER.test(value) ? Number(value) : undefined
}

/** `x-request-id`: the id to quote to the provider's support. */
export function readRequestId(headers: HeaderReader): string | undefined {
  const value = headers.get('x-request-id')?.trim()
  return value === undefined || value === '' ? undefined : value
}

/**
 * How long to wait before retrying, in milliseconds: `retry-after-ms` when it is a number, else
 * `retry-after` as delay-seconds or as an HTTP date (relative to `now`, never negative).
 */
export function readRetryAfterMs(headers: HeaderReader, now: number = Date.now()): number | undefined {
  const milliseconds = headers.get('retry-after-ms')?.trim()
  if (milliseconds !== undefined && NON_NEGATIVE_NUMBER.test(milliseconds))
    return Math.ceil(Number(milliseconds))
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter === undefined || retryAfter === '') return undefined
  if (NON_NEGATIVE_NUMBER.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000)
  const date = HAS_MONTH_NAME.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
