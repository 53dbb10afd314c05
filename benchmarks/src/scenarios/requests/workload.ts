import type { MockVideoApi } from '@vidjob/mock-api'
import { createTimedMockApi, DEFAULT_TIMING, type MockTiming } from '../../mock-timing'

/** The job tracking workload of the requests scenario, the same for every contender. */
export interface RequestsWorkload extends MockTiming {
  readonly jobs: number
  /** Components that show each job (rows, detail panes, badges). */
  readonly observers: number
  /**
   * Untracked jobs created after the tracked ones. At 100 or more, the tracked jobs are off the newest
   * list page, so no contender can refresh them through it.
   */
  readonly newerJobs: number
}

/**
 * The full workload: 50 jobs of 1–5 minutes, each shown by 3 components, polled every 5 s nominally
 * (quick: 10 jobs).
 *
 * @example const workload = requestsWorkload(false)
 */
export function requestsWorkload(quick: boolean): RequestsWorkload {
  return { ...DEFAULT_TIMING, jobs: quick ? 10 : 50, observers: 3, newerJobs: 0 }
}

/** The mock API with the workload's jobs created, and when each one turns terminal on the server. */
export interface SeededApi {
  readonly api: MockVideoApi
  readonly ids: readonly string[]
  /** Server-side terminal transition time (ms epoch) of each job: creation + queue + render. */
  readonly terminalAt: ReadonlyMap<string, number>
}

/**
 * Creates the mock API (on the current, faked `Date.now`) and the workload's jobs (then its untracked newer
 * ones), recording each tracked job's planned rendering time so the exact terminal instant is known (`completed_at` has only seconds).
 *
 * @example const { api, ids, terminalAt } = seedApi(requestsWorkload(true))
 */
export function seedApi(workload: RequestsWorkload): SeededApi {
  const renderMsById = new Map<string, number>()
  const api = createTimedMockApi(workload, (id, ms) => renderMsById.set(id, ms))
  const terminalAt = new Map<string, number>()
  const ids: string[] = []
  for (let index = 0; index < workload.jobs; index++) {
    const createdAt = Date.now()
    const video = api.jobs.create({ prompt: `benchmark job ${index + 1}` })
    ids.push(video.id)
    terminalAt.set(video.id, createdAt + workload.queueMs + (renderMsById.get(video.id) as number))
  }
  for (let index = 0; index < workload.newerJobs; index++)
    api.jobs.create({ prompt: `untracked newer job ${index + 1}` })
  return { api, ids, terminalAt }
}
