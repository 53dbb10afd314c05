/** The memory scenario's sizes. */
export interface MemoryWorkload {
  readonly subscribeCycles: number
  /** Jobs the subscribe/unsubscribe cycles rotate over. */
  readonly jobs: number
  /** Videos put in the cache to measure retained bytes per cached video. */
  readonly cachedVideos: number
  /** Jobs loaded through one observer each to measure retained bytes per watched job. */
  readonly watchedJobs: number
  /** Fresh processes per side for the bytes per video (real timers), the sides alternating. */
  readonly perVideoRepeats: number
  /** The heap after the cycles must be within this fraction of the baseline. */
  readonly heapTolerance: number
}

/**
 * 10,000 subscribe/unsubscribe cycles over 100 jobs, 10,000 cached videos and 2,000 watched jobs, 3
 * processes per side (quick: 1,000 cycles, 1,000 cached, 500 watched, 1 process).
 *
 * @example const workload = memoryWorkload(false)
 */
export function memoryWorkload(quick: boolean): MemoryWorkload {
  return {
    subscribeCycles: quick ? 1_000 : 10_000,
    jobs: 100,
    cachedVideos: quick ? 1_000 : 10_000,
    watchedJobs: quick ? 500 : 2_000,
    perVideoRepeats: quick ? 1 : 3,
    heapTolerance: 0.05,
  }
}
