import { createFetchTransport, type VideoStatus } from '@vidjob/core'
import { isTerminalStatus } from '@vidjob/core/schema'
import { createRoot } from 'react-dom/client'
import { installFakeClock } from '../../fake-clock'
import type { AppContext, DashboardApp } from './apps'
import { RenderLog } from './render-log'
import { seedDashboardApi, type RendersWorkload } from './workload'

/** What React did for one contender's dashboard. */
export interface RendersRun {
  readonly name: string
  readonly config: string
  /** Row renders until every row showed its first data. */
  readonly mountRowRenders: number
  /** Row renders after that, while the live jobs progressed to the end. */
  readonly liveRowRenders: number
  /** Renders, after mount, of rows whose job did not change (must be 0). */
  readonly unchangedRowRenders: number
  readonly totalRowRenders: number
  readonly commits: number
  readonly commitsAfterMount: number
  readonly requests: number
}

const BASE_URL = 'http://mock.local/v1'
const STEP_MS = 1_000
const TAIL_MS = 30_000

/**
 * Mounts one contender's dashboard in jsdom on a fake clock, lets the live jobs run to completion (plus
 * 30 s), and counts row renders and commits before and after every row first showed data.
 *
 * @example const run = await measureDashboard(tanstackApp(), rendersWorkload(true), 'list')
 */
export async function measureDashboard(
  app: DashboardApp,
  workload: RendersWorkload,
  rows: AppContext['rows'],
): Promise<RendersRun> {
  const clock = installFakeClock()
  const container = document.body.appendChild(document.createElement('div'))
  const root = createRoot(container)
  const log = new RenderLog()
  try {
    const { api, ids, liveIds } = seedDashboardApi(workload)
    const transport = createFetchTransport({ baseURL: BASE_URL, fetch: api.fetch })
    const { element, dispose } = app.mount({
      transport,
      ids,
      log,
      intervalMs: workload.nominalIntervalMs,
      rows,
    })
    const horizon = clock.now + workload.renderMs[1] + 10 * 60_000
    const runUntil = async (done: () => boolean, what: string): Promise<void> => {
      while (!done() && clock.now < horizon) await clock.tickAsync(STEP_MS)
      if (!done()) throw new Error(`${app.name}: the dashboard never reached "${what}".`)
    }
    root.render(element)
    await runUntil(() => ids.every((id) => log.shown(id) !== undefined), 'every row shows data')
    const mounted = ids.map((id) => log.rendersOf(id))
    const mountCommits = log.commits
    await runUntil(() => [...liveIds].every((id) => isEnd(log.shown(id))), 'every live row shows the end')
    await clock.tickAsync(TAIL_MS)
    const after = ids.map((id, row) => log.rendersOf(id) - (mounted[row] as number))
    const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0)
    root.unmount()
    dispose()
    return {
      name: app.name,
      config: app.config,
      mountRowRenders: sum(mounted),
      liveRowRenders: sum(after.filter((_, row) => liveIds.has(ids[row] as string))),
      unchangedRowRenders: sum(after.filter((_, row) => !liveIds.has(ids[row] as string))),
      totalRowRenders: sum(mounted) + sum(after),
      commits: log.commits,
      commitsAfterMount: log.commits - mountCommits,
      requests: api.log.length,
    }
  } finally {
    container.remove()
    clock.uninstall()
  }
}

function isEnd(status: VideoStatus | undefined): boolean {
  return status !== undefined && isTerminalStatus(status)
}
