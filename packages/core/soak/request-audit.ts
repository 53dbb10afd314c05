import type { MockRequestLogEntry } from '@vidjob/mock-api'
import type { RateLimitAnswer } from './wire-recorder'

/**
 * Requests received while a Retry-After pause was running: after a 429 answered at `t` asking for `r`,
 * nothing may arrive in the open interval (t, t + r). Requests received up to `t` were already in flight.
 *
 * @example
 * expect(pauseViolations(api.log, limits.answers)).toEqual([])
 */
export function pauseViolations(
  log: readonly MockRequestLogEntry[],
  answers: readonly RateLimitAnswer[],
): string[] {
  const violations: string[] = []
  for (const { at, retryAfterMs, requestId } of answers) {
    const until = at + retryAfterMs
    for (const entry of log) {
      if (entry.receivedAt > at && entry.receivedAt < until)
        violations.push(
          `req_${entry.seq} ${entry.method} ${entry.path} at ${entry.receivedAt - at} ms into the ${retryAfterMs} ms pause of ${requestId}`,
        )
    }
  }
  return violations
}

/**
 * How many requests of each endpoint the log holds.
 *
 * @example countByEndpoint(api.log) // { retrieve: 812, list: 140, create: 190, delete: 44 }
 */
export function countByEndpoint(log: readonly MockRequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const entry of log) counts[entry.endpoint] = (counts[entry.endpoint] ?? 0) + 1
  return counts
}

/**
 * How many faults the mock injected, by type; `after-work` counts the replacing faults that struck once
 * the server had done the work (they count under their type too).
 *
 * @example countFaults(api.log) // { error: 190, reorder: 31, 'after-work': 12, ... }
 */
export function countFaults(log: readonly MockRequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { fault, afterWork } of log) {
    if (fault !== undefined) counts[fault] = (counts[fault] ?? 0) + 1
    if (afterWork) counts['after-work'] = (counts['after-work'] ?? 0) + 1
  }
  return counts
}
