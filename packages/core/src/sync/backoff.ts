/** Backoff settings for failed polls. */
export interface BackoffOptions {
  readonly baseDelay: number
  readonly maxDelay: number
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so many jobs failing
 * at once spread out instead of retrying in lockstep.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxDelay, options.baseDelay * 2 ** Math.max(0, attempt - 1))
  return Math.round(exponential / 2 + (exponential / 2) * random())
}
