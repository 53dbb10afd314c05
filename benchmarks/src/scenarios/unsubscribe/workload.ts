/** The unsubscribe scenario's size. */
export interface UnsubscribeWorkload {
  /** Observers, one per job, unsubscribed all at once. */
  readonly observers: number
  readonly latencyMs: number
  /** Real time the observers run before they all leave (requests in flight, jobs loading). */
  readonly runMs: number
  readonly repeats: number
  /** The bar: every observer gone within this many ms. */
  readonly boundMs: number
}

/**
 * 5,000 observers, 3 s of real time with 150 ms answers, 5 repeats per side (quick: 500, 0.5 s, 1 repeat).
 *
 * @example const workload = unsubscribeWorkload(false)
 */
export function unsubscribeWorkload(quick: boolean): UnsubscribeWorkload {
  return {
    observers: quick ? 500 : 5_000,
    latencyMs: 150,
    runMs: quick ? 500 : 3_000,
    repeats: quick ? 1 : 5,
    boundMs: 50,
  }
}
