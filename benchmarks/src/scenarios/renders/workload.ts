import type { MockVideoApi } from '@vidjob/mock-api'
import { createTimedMockApi, DEFAULT_TIMING, type MockTiming } from '../../mock-timing'

/** The dashboard workload: many rows, a few of them live. */
export interface RendersWorkload extends MockTiming {
  readonly rows: number
  /** Rows whose job is still rendering; every other row's job completed before the dashboard mounts. */
  readonly live: number
}

/**
 * 100 rows with 10 live jobs of 1–5 minutes (quick: 30 rows, 3 jobs of 30–60 s).
 *
 * @example const workload = rendersWorkload(false)
 */
export function rendersWorkload(quick: boolean): RendersWorkload {
  return quick
    ? { ...DEFAULT_TIMING, rows: 30, live: 3, renderMs: [30_000, 60_000] }
    : { ...DEFAULT_TIMING, rows: 100, live: 10 }
}

/** The mock API with the dashboard's jobs: `ids` in row order, `liveIds` the ones still rendering. */
export interface DashboardApi {
  readonly api: MockVideoApi
  readonly ids: readonly string[]
  readonly liveIds: ReadonlySet<string>
}

/**
 * Creates the jobs on the current (faked) clock; the live ones are spread evenly among the rows.
 *
 * @example const { api, ids, liveIds } = seedDashboardApi(rendersWorkload(true))
 */
export function seedDashboardApi(workload: RendersWorkload): DashboardApi {
  const api = createTimedMockApi(workload)
  const every = Math.floor(workload.rows / workload.live)
  const ids: string[] = []
  const liveIds = new Set<string>()
  for (let row = 0; row < workload.rows; row++) {
    const { id } = api.jobs.create({ prompt: `dashboard row ${row + 1}` })
    ids.push(id)
    if (row % every === 0 && liveIds.size < workload.live) liveIds.add(id)
    else api.jobs.complete(id)
  }
  return { api, ids, liveIds }
}
