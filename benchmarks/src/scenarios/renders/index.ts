import { formatCount, formatRatio, type BarResult, type ScenarioResult } from '../../report'
import { installDom } from './dom'
import type { AppContext } from './apps'
import type { RendersRun } from './measure-dashboard'
import { rendersWorkload, type RendersWorkload } from './workload'

/**
 * Scenario 2: row renders and React commits of the same 100-row dashboard on each contender, in jsdom,
 * while 10 jobs progress to completion.
 *
 * @example const result = await runRenders({ quick: true })
 */
export async function runRenders(options: { quick: boolean }): Promise<ScenarioResult> {
  installDom()
  const { vidjobApp, tanstackApp, naiveApp } = await import('./apps')
  const { measureDashboard } = await import('./measure-dashboard')
  const workload = rendersWorkload(options.quick)
  const apps = [
    vidjobApp('vidjob', '@vidjob/react useVideoJob per row; core adaptive polling (defaults)', {}),
    vidjobApp('vidjob fixed 5 s', '@vidjob/react useVideoJob per row; core polling { interval: 5000 }', {
      interval: 5_000,
    }),
    tanstackApp(),
    naiveApp(),
  ]
  const variants: RowsVariant[] = []
  for (const rows of ['ids', 'list'] as const) {
    const runs: RendersRun[] = []
    for (const app of apps) runs.push(await measureDashboard(app, workload, rows))
    variants.push({ rows, runs })
  }
  return {
    name: 'renders',
    tables: variants.map((variant) => table(workload, variant)),
    bars: variants.flatMap((variant) => bars(workload, variant)),
    data: { workload, variants },
  }
}

/** The runs of every contender for one way of getting the rows. */
interface RowsVariant {
  readonly rows: AppContext['rows']
  readonly runs: readonly RendersRun[]
}

const VARIANT_TITLES: Readonly<Record<AppContext['rows'], string>> = {
  ids: 'a: rows given their ids',
  list: 'b: rows from a list of the newest 100',
}

function table(workload: RendersWorkload, { rows, runs }: RowsVariant): ScenarioResult['tables'][number] {
  const [vidjob, , tanstack] = runs as [RendersRun, RendersRun, RendersRun, RendersRun]
  const row = (metric: string, pick: (run: RendersRun) => number): string[] => [
    metric,
    ...runs.map((run) => formatCount(pick(run))),
    formatRatio(pick(vidjob), pick(tanstack)),
  ]
  return {
    title: `2${VARIANT_TITLES[rows]}. React renders (${workload.rows} memoized rows, ${workload.live} live jobs, jsdom)`,
    columns: ['metric', ...runs.map((run) => run.name), 'vidjob ÷ TanStack'],
    rows: [
      row('row renders, total', (run) => run.totalRowRenders),
      row('  until every row showed data', (run) => run.mountRowRenders),
      row('  of live rows after that', (run) => run.liveRowRenders),
      row('  of unchanged rows after that', (run) => run.unchangedRowRenders),
      row('React commits (Profiler onRender)', (run) => run.commits),
      row('  after every row showed data', (run) => run.commitsAfterMount),
      row('HTTP requests (context)', (run) => run.requests),
    ],
    notes: [
      `Workload: ${workload.rows - workload.live} rows of completed jobs, ${workload.live} live jobs rendering ${workload.renderMs[0] / 60_000}–${workload.renderMs[1] / 60_000} min (seed ${workload.seed}), mock latency ${workload.latencyMs[0]}–${workload.latencyMs[1]} ms; counted from mount until every live row shows the end, plus 30 s.`,
      ...runs.map((run) => `${run.name}: ${run.config}.`),
      'React 19 development build (Profiler callbacks need it), no StrictMode; the same memo(Row) tree for every contender.',
      ROWS_NOTES[rows],
      `Floor: no library can render these rows fewer than ${formatCount(renderFloor(workload, rows))} times (${FLOOR_REASONS[rows]}, plus each live job’s end once).`,
    ],
  }
}

const ROWS_NOTES: Readonly<Record<AppContext['rows'], string>> = {
  ids: 'Rows: the 100 ids are given to the dashboard (a known set, a deep link); each row loads its own job.',
  list: 'Rows: the dashboard lists the newest 100 videos with the contender’s list (vidjob useVideoList; TanStack a list query every 5 s while a row is live, beside the per-row queries, each seeded from the list with initialData + initialDataUpdatedAt as TanStack’s docs advise; naive one fetch) and each row reads its own job. vidjob’s list lands in the normalized cache the rows read, so rows mount with data on both.',
}

const FLOOR_REASONS: Readonly<Record<AppContext['rows'], string>> = {
  ids: 'every row renders once before its job is fetched and once with it',
  list: 'every row renders once, with the list’s data',
}

/**
 * The fewest row renders any library could produce in this tree: the mount renders the rows cannot avoid
 * (with ids and an empty cache a row has nothing to show on its first render) and one render per live job
 * to show that it ended. It puts the 1/5 bar in perspective: the bar asks for fewer renders than this.
 */
function renderFloor(workload: RendersWorkload, rows: AppContext['rows']): number {
  const mountRenders = rows === 'ids' ? 2 : 1
  return workload.rows * mountRenders + workload.live
}

function bars(workload: RendersWorkload, { rows, runs }: RowsVariant): BarResult[] {
  const [vidjob, , tanstack] = runs as [RendersRun, RendersRun, RendersRun, RendersRun]
  const variant = rows === 'ids' ? 'rows given ids' : 'rows from a list'
  const target = tanstack.totalRowRenders / 5
  const floor = renderFloor(workload, rows)
  return [
    {
      scenario: 'renders',
      bar: `bar (${variant}): unchanged rows never re-render`,
      measured: `${formatCount(vidjob.unchangedRowRenders)} re-renders of unchanged rows (TanStack Query: ${formatCount(tanstack.unchangedRowRenders)})`,
      cleared: vidjob.unchangedRowRenders === 0,
    },
    {
      scenario: 'renders',
      bar: `bar (${variant}): total row renders ≤ 1/5 of TanStack Query’s`,
      measured: `${formatCount(vidjob.totalRowRenders)} vs ${formatCount(tanstack.totalRowRenders)}: ${formatRatio(vidjob.totalRowRenders, tanstack.totalRowRenders)}. The bar asks for ≤ ${formatCount(Math.floor(target))}; no library can go below ${formatCount(floor)} here (${formatRatio(floor, tanstack.totalRowRenders)})${floor > target ? ', so the bar is out of reach for any library' : ''}`,
      cleared: vidjob.totalRowRenders * 5 <= tanstack.totalRowRenders,
    },
  ]
}
