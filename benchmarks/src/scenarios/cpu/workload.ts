import type { PopulationTiming } from '../../population'

/** The CPU scenario's sizes, repeats and timing. */
export interface CpuWorkload {
  /** Live jobs, one observer each, smallest first. */
  readonly sizes: readonly number[]
  /** Fresh processes per side and size, the sides alternating. */
  readonly repeats: number
  /** The poll interval: query-core's `refetchInterval`, and the length of one measured cycle. */
  readonly intervalMs: number
  readonly warmupIntervals: number
  /** Measured intervals at a size (more at small sizes, where one interval is short and bursty). */
  measuredIntervals(size: number): number
  /** CPU ms one simulated interval (or the set-up) may take on one side before the size is over the cap. */
  readonly capMs: number
  readonly timing: PopulationTiming
  /** Whether each size runs in its own process (full run) or every size in one process per repeat (quick). */
  readonly processPerSize: boolean
}

/**
 * Full: 10 to 10,000 live jobs, 5 repeats, 2 warm-up intervals then 20 (≤ 100 jobs), 10 (1,000) or 5
 * intervals of 5 s. Quick: 10, 100 and 300 jobs, 2 repeats, 1 warm-up and 4 measured intervals.
 * Jobs render 10–20 minutes and are 0–5 minutes into their lives, so none completes during a run and
 * every job stays live, while progress keeps moving (one point every 6–12 s: many answers carry a change).
 *
 * @example const workload = cpuWorkload(false)
 */
export function cpuWorkload(quick: boolean): CpuWorkload {
  return {
    sizes: quick ? [10, 100, 300] : [10, 100, 1_000, 5_000, 10_000],
    repeats: quick ? 2 : 5,
    intervalMs: 5_000,
    warmupIntervals: quick ? 1 : 2,
    measuredIntervals: (size) => (quick ? 4 : size <= 100 ? 20 : size <= 1_000 ? 10 : 5),
    capMs: 20_000,
    timing: { latencyMs: 150, queueMs: 2_000, renderMs: [600_000, 1_200_000], maxAgeMs: 300_000, seed: 7 },
    processPerSize: !quick,
  }
}
