import type { PopulationTiming } from '../../population'

/** The freshness scenario's sizes and timing. */
export interface FreshnessWorkload {
  readonly sizes: readonly number[]
  /** The poll interval the bars count in: query-core's `refetchInterval`, vidjob's default while a rate is unknown. */
  readonly intervalMs: number
  readonly warmupIntervals: number
  /** Intervals in the measured window (more at small sizes, where completions are rarer). */
  windowIntervals(size: number): number
  /** Intervals after the window in which completions from the window may still be detected. */
  readonly tailIntervals: number
  readonly capMs: number
  readonly timing: PopulationTiming
  /** The size the fleet bars are judged at. */
  readonly barSize: number
  /** Single-job runs, each its own job and client. */
  readonly singleJobs: number
}

/**
 * Jobs queue 2 s and render 1–5 minutes (spread evenly), each at its own point of its life when the
 * clients start; a completed job is replaced by a new one at once, so the live count holds and
 * completions keep happening. 150 ms per answer. Full: 10 to 10,000 live jobs, 2 warm-up intervals, a
 * window of 120 (10 jobs), 60 (100) or 12 intervals, 4 more to detect the window's completions; 40
 * single jobs. Quick: 10, 100 and 300 jobs, 12-interval windows, 10 single jobs.
 *
 * @example const workload = freshnessWorkload(false)
 */
export function freshnessWorkload(quick: boolean): FreshnessWorkload {
  return {
    sizes: quick ? [10, 100, 300] : [10, 100, 1_000, 5_000, 10_000],
    intervalMs: 5_000,
    warmupIntervals: 2,
    windowIntervals: (size) => (quick ? 12 : size <= 10 ? 120 : size <= 100 ? 60 : 12),
    tailIntervals: 4,
    capMs: 20_000,
    timing: { latencyMs: 150, queueMs: 2_000, renderMs: [60_000, 300_000], maxAgeMs: Infinity, seed: 11 },
    barSize: quick ? 300 : 5_000,
    singleJobs: quick ? 10 : 40,
  }
}
