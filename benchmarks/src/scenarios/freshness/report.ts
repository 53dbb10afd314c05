import { readFileSync } from 'node:fs'
import {
  formatCount,
  formatMeanCount,
  formatMs,
  formatRange,
  formatRatio,
  type BarResult,
  type ReportTable,
  type ScenarioResult,
} from '../../report'
import { summarize } from '../../stats'
import { describeTracker, type TrackerName } from '../../trackers'
import type { FleetRun } from './measure-fleet'
import type { FreshnessSideResult } from './side'
import type { SingleJobRun } from './single-job'
import type { FreshnessWorkload } from './workload'

/** The single-job figures of the run the bars compare with (benchmarks/baselines/before-scale-poller.json). */
interface SingleJobBaseline {
  readonly commit: string
  readonly singleJob: Readonly<Record<'full' | 'quick', { readonly jobs: number; readonly requests: number }>>
}

const BASELINE = new URL('../../../baselines/before-scale-poller.json', import.meta.url)

function readBaseline(): SingleJobBaseline | undefined {
  try {
    return JSON.parse(readFileSync(BASELINE, 'utf8')) as SingleJobBaseline
  } catch {
    return undefined
  }
}

/**
 * The freshness scenario's tables and bars: the bars are vidjob's; query-core is measured alike for context.
 *
 * @example const result = freshnessReport(workload, results)
 */
export function freshnessReport(
  workload: FreshnessWorkload,
  results: ReadonlyMap<TrackerName, FreshnessSideResult>,
): ScenarioResult {
  const interval = workload.intervalMs
  const fleetRows = workload.sizes.flatMap((size) =>
    [...results].map(([side, result]) =>
      fleetRow(
        side,
        size,
        result.fleet.find((run) => run.size === size),
        interval,
      ),
    ),
  )
  const baseline = readBaseline()
  const quick = workload.barSize < 5_000
  const fleet: ReportTable = {
    title: `3c. Freshness and completion detection at ${formatCount(workload.sizes[0] as number)} to ${formatCount(workload.sizes.at(-1) as number)} live jobs (${workload.timing.latencyMs} ms per answer; interval = ${interval / 1000} s)`,
    columns: [
      'live jobs',
      'side',
      'longest gap between refreshes',
      "jobs' longest gap p50 / p95",
      'jobs refreshed at least every 2 intervals',
      'completion shown p50 / p95',
      'completions',
      'list requests / interval',
      'retrieves / interval',
      '⌈N ÷ 100⌉',
    ],
    rows: fleetRows,
    notes: [
      `Jobs queue ${workload.timing.queueMs / 1000} s and render ${workload.timing.renderMs[0] / 60_000}–${workload.timing.renderMs[1] / 60_000} min (spread evenly: the R2 sequence), each at a point of its life spread the same way when the clients start; a job that completes on the server is replaced at once by a new one, which the side then watches, so N jobs stay live and completions keep coming. An observer leaves once it has shown its job's end.`,
      `A refresh: an answer carrying the job's data reached the client (its retrieve, or a list page holding it), whichever request brought it. Gaps are measured per job over a window of ${formatRange(workload.sizes.map(workload.windowIntervals))} intervals after ${workload.warmupIntervals} warm-up intervals; a job not yet fetched counts from the moment it was watched; "≥" marks a gap still open at the window's end (a lower bound).`,
      `Completion shown: from the server-side completion instant (creation + queue + render, exact ms) to the observer first holding the completed job, for completions inside the window; ${workload.tailIntervals} more intervals let late ones show, and one still not shown counts as its wait so far ("≥").`,
      `interval = ${interval / 1000} s, query-core's refetchInterval and vidjob's interval while a job's rate is unknown; vidjob runs with default options (adaptive 1–30 s). Requests per interval are from the mock's log over the window.`,
      ...[...results.keys()].map((side) => `${side}: ${describeTracker(side, interval)}.`),
    ],
  }
  const singles = [...results].map(([side, result]) =>
    singleRow(side, result.single, workload, baseline, side === 'vidjob'),
  )
  const single: ReportTable = {
    title: `3d. One job alone (${workload.singleJobs} runs, each a fresh client and its own job: queue ${workload.timing.queueMs / 1000} s, render ${workload.timing.renderMs[0] / 60_000}–${workload.timing.renderMs[1] / 60_000} min)`,
    columns: [
      'side',
      'completion shown p50',
      'p95',
      'p95 ÷ floor',
      'requests',
      `baseline (${baseline?.commit ?? 'none'})`,
      'requests ÷ baseline',
    ],
    rows: singles,
    notes: [
      `Floor: ${workload.timing.latencyMs} ms, the mock's latency for one request. The mock answers from the state on arrival, so a completion can be shown at best one answer's latency after it happens.`,
      `Baseline: vidjob's requests in this scenario measured on branch scale-bench before the poller rewrite (benchmarks/baselines/before-scale-poller.json, ${quick ? 'quick' : 'full'} workload).`,
    ],
  }
  return {
    name: 'freshness',
    tables: [fleet, single],
    bars: bars(workload, results.get('vidjob'), baseline),
    data: {
      workload: { ...workload, windowIntervals: workload.sizes.map(workload.windowIntervals) },
      results: Object.fromEntries(results),
    },
  }
}

function gapText(run: FleetRun): string {
  return `${run.longestIsOpen ? '≥ ' : ''}${formatMs(Math.max(...run.longestGaps))}`
}

function fleetRow(side: string, size: number, run: FleetRun | undefined, interval: number): string[] {
  if (run === undefined)
    return [formatCount(size), side, 'not run (smaller size over the cap)', '', '', '', '', '', '', '']
  if (run.overCap) return [formatCount(size), side, 'over the cap', '', '', '', '', '', '', '']
  const gaps = summarize(run.longestGaps)
  const detections = summarize(run.detections)
  const within = run.longestGaps.filter((gap) => gap <= 2 * interval).length / run.longestGaps.length
  const late = run.undetected > 0 ? '≥ ' : ''
  return [
    formatCount(size),
    side,
    gapText(run),
    `${formatMs(gaps.median)} / ${formatMs(gaps.p95)}`,
    `${(within * 100).toFixed(1)} %`,
    `${formatMs(detections.median)} / ${late}${formatMs(detections.p95)}`,
    `${formatCount(run.detections.length)}${run.undetected > 0 ? ` (${formatCount(run.undetected)} not shown)` : ''}`,
    (run.requests.list / run.windowIntervals).toFixed(1),
    formatMeanCount(run.requests.retrieve / run.windowIntervals),
    formatCount(Math.ceil(size / 100)),
  ]
}

function singleRow(
  side: string,
  run: SingleJobRun,
  workload: FreshnessWorkload,
  baseline: SingleJobBaseline | undefined,
  compare: boolean,
): string[] {
  const { median, p95 } = summarize(run.detections)
  const today = baseline?.singleJob[workload.barSize < 5_000 ? 'quick' : 'full'].requests
  return [
    side,
    formatMs(median),
    formatMs(p95),
    `${(p95 / workload.timing.latencyMs).toFixed(2)}×`,
    formatCount(run.requests),
    compare && today !== undefined ? formatCount(today) : '',
    compare && today !== undefined ? formatRatio(run.requests, today) : '',
  ]
}

function bars(
  workload: FreshnessWorkload,
  vidjob: FreshnessSideResult | undefined,
  baseline: SingleJobBaseline | undefined,
): BarResult[] {
  const size = workload.barSize
  const at = `at ${formatCount(size)} live jobs${size < 5_000 ? ' (quick: the largest quick size)' : ''}`
  const run = vidjob?.fleet.find((r) => r.size === size)
  const live = run !== undefined && run.overCap === undefined
  const interval = workload.intervalMs
  const listBound = 1.5 * Math.ceil(size / 100)
  const gaps = live ? Math.max(...run.longestGaps) : Number.NaN
  const p95 = live ? summarize(run.detections).p95 : Number.NaN
  const listPerInterval = live ? run.requests.list / run.windowIntervals : Number.NaN
  const missing = run === undefined ? 'not run' : 'over the cap'
  const single = vidjob?.single
  const singleP95 = single === undefined ? Number.NaN : summarize(single.detections).p95
  const floor = workload.timing.latencyMs
  const today = baseline?.singleJob[size < 5_000 ? 'quick' : 'full'].requests
  return [
    {
      scenario: 'freshness',
      bar: `bar: ${at}, every job refreshed at least every 2 intervals (longest gap ≤ ${formatMs(2 * interval)})`,
      measured: live
        ? `longest gap ${gapText(run)}; ${formatCount(run.longestGaps.filter((gap) => gap <= 2 * interval).length)} of ${formatCount(run.longestGaps.length)} jobs within`
        : missing,
      cleared: gaps <= 2 * interval,
    },
    {
      scenario: 'freshness',
      bar: `bar: ${at}, list requests per interval ≤ 1.5 × ⌈N ÷ 100⌉ = ${listBound}`,
      measured: live
        ? `${listPerInterval.toFixed(1)} list requests and ${formatCount(run.requests.retrieve / run.windowIntervals)} retrieves per interval`
        : missing,
      cleared: listPerInterval <= listBound,
    },
    {
      scenario: 'freshness',
      bar: `bar: ${at}, completion-detection p95 ≤ 2 intervals (${formatMs(2 * interval)})`,
      measured: live
        ? `${run.undetected > 0 ? '≥ ' : ''}${formatMs(p95)} (p50 ${formatMs(summarize(run.detections).median)})`
        : missing,
      cleared: p95 <= 2 * interval,
    },
    {
      scenario: 'freshness',
      bar: `bar: one job alone, completion p95 ≤ 2.5 × the round-trip floor (${floor} ms, one answer's latency) = ${formatMs(2.5 * floor)}`,
      measured: `${formatMs(singleP95)} (${(singleP95 / floor).toFixed(2)}× the floor)`,
      cleared: singleP95 <= 2.5 * floor,
    },
    {
      scenario: 'freshness',
      bar: "bar: one job alone, no more than 1.1× today's requests",
      measured:
        today === undefined || single === undefined
          ? 'no baseline'
          : `${formatCount(single.requests)} vs ${formatCount(today)} before the rewrite: ${formatRatio(single.requests, today)}`,
      cleared: today !== undefined && single !== undefined && single.requests <= 1.1 * today,
    },
  ]
}
