/** The memory scenario's sizes. */
export interface MemoryWorkload {
  readonly subscribeCycles: number
  /** Jobs the subscribe/unsubscribe cycles rotate over. */
  readonly jobs: number
  /** Videos put in the cache to measure retained bytes per video. */
  readonly cachedVideos: number
  /** The heap after the cycles must be within this fraction of the baseline. */
  readonly heapTolerance: number
}

/**
 * 10,000 subscribe/unsubscribe cycles over 100 jobs and 10,000 cached videos (quick: 1,000 and 1,000).
 *
 * @example const workload = memoryWorkload(false)
 */
export function memoryWorkload(quick: boolean): MemoryWorkload {
  return {
    subscribeCycles: quick ? 1_000 : 10_000,
    jobs: 100,
    cachedVideos: quick ? 1_000 : 10_000,
    heapTolerance: 0.05,
  }
}
