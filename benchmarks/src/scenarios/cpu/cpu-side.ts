import type { CycleAnswers } from './workload'

/**
 * One library under the CPU workload: loaded once, then fed one cycle of answers at a time.
 *
 * @example await side.start(cycleAnswers(workload, 0)); await side.cycle(cycleAnswers(workload, 1)); side.stop()
 */
export interface CpuSide {
  readonly name: string
  readonly config: string
  /** Loads the first cycle's answers and subscribes one observer per job plus the list. */
  start(answers: CycleAnswers): Promise<void>
  /** Merges one cycle's answers and lets every observer be notified. */
  cycle(answers: CycleAnswers): Promise<void>
  /** Observer notifications so far (initial replays excluded). */
  readonly notifications: number
  stop(): void
}

/**
 * Resolves once every queued microtask (and so every promise continuation and microtask-scheduled
 * notification) has run.
 *
 * @example await settle()
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
