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
 * The longest wait vidjob takes from a server's `Retry-After` / `retry-after-ms`: one minute. A longer
 * wait would stall every request of the client (a 429 pauses them all), and past 2^31−1 ms Node fires
 * the timer after 1 ms instead, so a hostile or broken value would turn into a request storm or a freeze.
 * (openai-node v4 and v7 likewise ignore a Retry-After over 60 s and fall back to their own backoff.)
 */
export const MAX_RETRY_AFTER_MS = 60_000

/** A server's retry hint: the wait vidjob takes, and what the server asked for when that was more. */
export interface RetryAfter {
  /** The wait, at most {@link MAX_RETRY_AFTER_MS}. */
  ms: number
  /** What the server asked for, when it was more than the cap (may be `Infinity`); else `undefined`. */
  requestedMs: number | undefined
}

/**
 * How long to wait before retrying, in milliseconds: `retry-after-ms` when it is a number, else
 * `retry-after` as delay-seconds or as an HTTP date (relative to `now`, never negative); capped at
 * {@link MAX_RETRY_AFTER_MS}, with the server's own figure kept when it asked for more.
 */
export function readRetryAfter(headers: HeaderReader, now: number = Date.now()): RetryAfter | undefined {
  const requested = readRequestedRetryAfterMs(headers, now)
  if (requested === undefined) return undefined
  if (requested <= MAX_RETRY_AFTER_MS) return { ms: requested, requestedMs: undefined }
  return { ms: MAX_RETRY_AFTER_MS, requestedMs: requested }
}

/** {@link readRetryAfter}'s wait alone: never more than {@link MAX_RETRY_AFTER_MS}. */
export function readRetryAfterMs(headers: HeaderReader, now: number = Date.now()): number | undefined {
  return readRetryAfter(headers, now)?.ms
}

function readRequestedRetryAfterMs(headers: HeaderReader, now: number): number | undefined {
  const milliseconds = headers.get('retry-after-ms')?.trim()
  if (milliseconds !== undefined && NON_NEGATIVE_NUMBER.test(milliseconds))
    return Math.ceil(Number(milliseconds))
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter === undefined || retryAfter === '') return undefined
  if (NON_NEGATIVE_NUMBER.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000)
  const date = HAS_MONTH_NAME.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
