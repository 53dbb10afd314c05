import { formatCount, formatMs, formatRatio, type BarResult, type ScenarioResult } from '../../report'
import { summarize, type Summary } from '../../stats'
import type { Contender } from './contender'
import { measureContender, type RequestsRun } from './measure-contender'
import { naiveContender } from './naive-contender'
import { tanstackContender, tanstackNormalizedContender, tanstackPerJobContender } from './tanstack-contender'
import { vidjobContender } from './vidjob-contender'
import { requestsWorkload, type RequestsWorkload } from './workload'

/** One contender over every seeded run: counts summed (exact), latencies pooled. */
export interface RequestsTotals {
  readonly name: string
  readonly config: string
  readonly requests: number
  readonly retrieve: number
  readonly list: number
  readonly requestsPerRun: readonly number[]
  readonly requestsAfterDone: number
  readonly detectionLatencyMs: Summary
  readonly timersLeft: number
}

/** Seeds of the runs: several, so the p95 rests on more than a handful of jobs. */
const SEEDS = { full: [7, 8, 9, 10, 11], quick: [7] } as const

/**
 * Scenario 1: HTTP requests and completion-detection latency of each contender tracking the same jobs
 * on the same mock API and fake clock.
 *
 * @example const result = await runRequests({ quick: true })
 */
export async function runRequests(options: { quick: boolean }): Promise<ScenarioResult> {
  const base = requestsWorkload(options.quick)
  const seeds = options.quick ? SEEDS.quick : SEEDS.full
  const contenders: Contender[] = [
    vidjobContender(
      'vidjob',
      '@vidjob/core adaptive polling { minInterval: 1000, maxInterval: 30000 } (the defaults)',
      { minInterval: 1_000, maxInterval: 30_000 },
    ),
    vidjobContender('vidjob fixed 5 s', '@vidjob/core polling { interval: 5000 }', { interval: 5_000 }),
    tanstackContender(),
    naiveContender(),
    tanstackNormalizedContender(),
  ]
  const main = await runAll(contenders, base, seeds)
  const offPage = await runAll(contenders, { ...base, newerJobs: OFF_PAGE_NEWER_JOBS }, seeds)
  const listLess = await runAll(
    [contenders[0] as Contender, tanstackPerJobContender()],
    { ...base, profile: LIST_LESS_PROFILE },
    seeds,
  )
  return report(base, seeds, main, offPage, listLess)
}

/** A gateway without a list route (LiteLLM in front of Veo): every job is retrieved on its own. */
const LIST_LESS_PROFILE = 'litellm'

/** Enough newer jobs to push every tracked job off the newest page (the spec's largest `limit`). */
const OFF_PAGE_NEWER_JOBS = 100

async function runAll(
  contenders: readonly Contender[],
  workload: RequestsWorkload,
  seeds: readonly number[],
): Promise<RequestsTotals[]> {
  const totals: RequestsTotals[] = []
  for (const contender of contenders) {
    const runs: RequestsRun[] = []
    for (const seed of seeds) runs.push(await measureContender(contender, { ...workload, seed }))
    totals.push(combine(contender, runs))
  }
  return totals
}

function combine(contender: Contender, runs: readonly RequestsRun[]): RequestsTotals {
  // A contender that never shows some completions measured nothing useful: fail loudly so CI notices.
  const missed = runs.reduce((total, run) => total + run.undetected, 0)
  if (missed > 0) throw new Error(`${contender.name} never showed ${missed} job completions.`)
  const sum = (pick: (run: RequestsRun) => number): number =>
    runs.reduce((total, run) => total + pick(run), 0)
  return {
    name: contender.name,
    config: contender.config,
    requests: sum((run) => run.requests.total),
    retrieve: sum((run) => run.requests.retrieve),
    list: sum((run) => run.requests.list),
    requestsPerRun: runs.map((run) => run.requests.total),
    requestsAfterDone: sum((run) => run.requestsAfterDone),
    detectionLatencyMs: summarize(runs.flatMap((run) => run.latencies)),
    timersLeft: Math.max(...runs.map((run) => run.timersLeft)),
  }
}

function report(
  workload: RequestsWorkload,
  seeds: readonly number[],
  main: RequestsTotals[],
  offPage: RequestsTotals[],
  listLess: RequestsTotals[],
): ScenarioResult {
  const [vidjob, fixed, tanstack, naive, normalized] = main as [
    RequestsTotals,
    RequestsTotals,
    RequestsTotals,
    RequestsTotals,
    RequestsTotals,
  ]
  const runs = `${seeds.length} run${seeds.length > 1 ? 's' : ''} × ${workload.jobs} jobs × ${workload.observers} observers`
  const notes = (totals: readonly RequestsTotals[]): string[] => [
    `Workload: seeds ${seeds.join(', ')}; jobs queue ${workload.queueMs / 1000} s, render ${workload.renderMs[0] / 60_000}–${workload.renderMs[1] / 60_000} min (seeded uniform); mock latency ${workload.latencyMs[0]}–${workload.latencyMs[1]} ms; fake clock.`,
    ...totals.map((t) => `${t.name}: ${t.config}.`),
    'Detection latency: server-side terminal transition (creation + queue + render, exact ms) → first terminal state seen by each observer.',
  ]
  return {
    name: 'requests',
    tables: [
      { title: `1. Requests and detection latency (${runs})`, ...requestsTable(main), notes: notes(main) },
      {
        title: `1b. The same, with ${OFF_PAGE_NEWER_JOBS} untracked jobs created after the tracked ones (no tracked job is on the newest list page)`,
        ...requestsTable(offPage),
        notes: [
          'No contender can refresh a tracked job through the newest list page here: vidjob retrieves each job on its own at its adaptive interval, TanStack Query’s list query shows only untracked jobs.',
          ...notes(offPage),
        ],
      },
      {
        title: `1c. The same jobs on a server without a list route (the mock's ${LIST_LESS_PROFILE} profile: no list, progress null until done, ids re-encoded)`,
        ...pairTable(listLess),
        notes: [
          'Both sides retrieve every job on its own: vidjob learns from its first list request (one 500 "not supported") that there is no list; TanStack Query has no list query here, as a team would write it for such a server.',
          'Both sides normalize bodies with @vidjob/core/schema (LiteLLM sends "processing" and nulls); both validate with VideoSchema.',
          ...notes(listLess),
        ],
      },
    ],
    bars: [...bars(vidjob, tanstack), ...listLessBars(listLess)],
    data: {
      workload,
      seeds,
      contenders: main,
      offPage: { newerJobs: OFF_PAGE_NEWER_JOBS, contenders: offPage },
      listLess: { profile: LIST_LESS_PROFILE, contenders: listLess },
      reference: { vidjobFixed: fixed.name, naive: naive.name, tanstackNormalized: normalized.name },
    },
  }
}

/**
 * The columns and rows of one requests table; the ratios are vidjob's (the first contender) over TanStack
 * Query's as the issue sets it up (the third) and over TanStack normalized by hand (the fifth).
 */
function requestsTable(totals: readonly RequestsTotals[]): { columns: string[]; rows: string[][] } {
  const [vidjob, , tanstack, , normalized] = totals as [
    RequestsTotals,
    RequestsTotals,
    RequestsTotals,
    RequestsTotals,
    RequestsTotals,
  ]
  const row = (
    metric: string,
    pick: (t: RequestsTotals) => number,
    format: (v: number) => string,
  ): string[] => [
    metric,
    ...totals.map((t) => format(pick(t))),
    formatRatio(pick(vidjob), pick(tanstack)),
    formatRatio(pick(vidjob), pick(normalized)),
  ]
  return {
    columns: ['metric', ...totals.map((t) => t.name), 'vidjob ÷ TanStack', 'vidjob ÷ normalized'],
    rows: METRICS.map(([metric, pick, format]) => row(metric, pick, format)),
  }
}

function bars(vidjob: RequestsTotals, tanstack: RequestsTotals): BarResult[] {
  const requestRatio = formatRatio(vidjob.requests, tanstack.requests)
  const p95 = `p95 ${formatMs(vidjob.detectionLatencyMs.p95)} vs ${formatMs(tanstack.detectionLatencyMs.p95)}`
  const p95Ratio = formatRatio(vidjob.detectionLatencyMs.p95, tanstack.detectionLatencyMs.p95)
  return [
    {
      scenario: 'requests',
      bar: 'bar: requests ≤ 1/10 of TanStack Query’s',
      measured: `${formatCount(vidjob.requests)} vs ${formatCount(tanstack.requests)}: ${requestRatio}`,
      cleared: vidjob.requests * 10 <= tanstack.requests,
    },
    {
      scenario: 'requests',
      bar: 'bar: p95 detection latency no worse than TanStack Query’s',
      measured: `${p95}: ${p95Ratio}`,
      cleared: vidjob.detectionLatencyMs.p95 <= tanstack.detectionLatencyMs.p95,
    },
    {
      scenario: 'requests',
      bar: 'aim: requests ≤ 1/25 of TanStack Query’s',
      measured: `${requestRatio}`,
      cleared: vidjob.requests * 25 <= tanstack.requests,
    },
    {
      scenario: 'requests',
      bar: 'aim: p95 detection latency ≤ half of TanStack Query’s',
      measured: `${p95}: ${p95Ratio}`,
      cleared: vidjob.detectionLatencyMs.p95 * 2 <= tanstack.detectionLatencyMs.p95,
    },
  ]
}

type Metric = readonly [string, (t: RequestsTotals) => number, (v: number) => string]

/** The rows of every requests table. */
const METRICS: readonly Metric[] = [
  ['HTTP requests', (t) => t.requests, formatCount],
  ['  GET /videos/{id}', (t) => t.retrieve, formatCount],
  ['  GET /videos (list)', (t) => t.list, formatCount],
  ['detection latency median', (t) => t.detectionLatencyMs.median, formatMs],
  ['detection latency p95', (t) => t.detectionLatencyMs.p95, formatMs],
  ['requests after all shown done', (t) => t.requestsAfterDone, formatCount],
]

/** vidjob against one other contender: the list-less table. */
function pairTable(totals: readonly RequestsTotals[]): { columns: string[]; rows: string[][] } {
  const [vidjob, other] = totals as [RequestsTotals, RequestsTotals]
  const row = (metric: string, pick: (t: RequestsTotals) => number, format: (v: number) => string) => [
    metric,
    format(pick(vidjob)),
    format(pick(other)),
    formatRatio(pick(vidjob), pick(other)),
  ]
  return {
    columns: ['metric', vidjob.name, other.name, `vidjob ÷ ${other.name}`],
    rows: METRICS.map(([metric, pick, format]) => row(metric, pick, format)),
  }
}

function listLessBars(totals: readonly RequestsTotals[]): BarResult[] {
  const [vidjob, tanstack] = totals as [RequestsTotals, RequestsTotals]
  const p95 = `p95 ${formatMs(vidjob.detectionLatencyMs.p95)} vs ${formatMs(tanstack.detectionLatencyMs.p95)}`
  return [
    {
      scenario: 'requests',
      bar: `check (list-less ${LIST_LESS_PROFILE}): requests no more than TanStack Query’s`,
      measured: `${formatCount(vidjob.requests)} vs ${formatCount(tanstack.requests)}: ${formatRatio(vidjob.requests, tanstack.requests)}`,
      cleared: vidjob.requests <= tanstack.requests,
    },
    {
      scenario: 'requests',
      bar: `check (list-less ${LIST_LESS_PROFILE}): p95 detection latency no worse than TanStack Query’s`,
      measured: `${p95}: ${formatRatio(vidjob.detectionLatencyMs.p95, tanstack.detectionLatencyMs.p95)}`,
      cleared: vidjob.detectionLatencyMs.p95 <= tanstack.detectionLatencyMs.p95,
    },
  ]
}
