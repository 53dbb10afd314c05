import { formatCount, formatMs, formatRatio, type BarResult, type ScenarioResult } from '../../report'
import { summarize, type Summary } from '../../stats'
import type { Contender } from './contender'
import { measureContender, type RequestsRun } from './measure-contender'
import { naiveContender } from './naive-contender'
import { tanstackContender } from './tanstack-contender'
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
  ]
  const totals: RequestsTotals[] = []
  for (const contender of contenders) {
    const runs: RequestsRun[] = []
    for (const seed of seeds) runs.push(await measureContender(contender, { ...base, seed }))
    totals.push(combine(contender, runs))
  }
  return report(base, seeds, totals)
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
  totals: RequestsTotals[],
): ScenarioResult {
  const [vidjob, fixed, tanstack, naive] = totals as [
    RequestsTotals,
    RequestsTotals,
    RequestsTotals,
    RequestsTotals,
  ]
  const row = (
    metric: string,
    pick: (t: RequestsTotals) => number,
    format: (v: number) => string,
  ): string[] => [metric, ...totals.map((t) => format(pick(t))), formatRatio(pick(vidjob), pick(tanstack))]
  const runs = `${seeds.length} run${seeds.length > 1 ? 's' : ''} × ${workload.jobs} jobs × ${workload.observers} observers`
  return {
    name: 'requests',
    tables: [
      {
        title: `1. Requests and detection latency (${runs})`,
        columns: ['metric', ...totals.map((t) => t.name), 'vidjob ÷ TanStack'],
        rows: [
          row('HTTP requests', (t) => t.requests, formatCount),
          row('  GET /videos/{id}', (t) => t.retrieve, formatCount),
          row('  GET /videos (list)', (t) => t.list, formatCount),
          row('detection latency median', (t) => t.detectionLatencyMs.median, formatMs),
          row('detection latency p95', (t) => t.detectionLatencyMs.p95, formatMs),
          row('requests after all shown done', (t) => t.requestsAfterDone, formatCount),
        ],
        notes: [
          `Workload: seeds ${seeds.join(', ')}; jobs queue ${workload.queueMs / 1000} s, render ${workload.renderMs[0] / 60_000}–${workload.renderMs[1] / 60_000} min (seeded uniform); mock latency ${workload.latencyMs[0]}–${workload.latencyMs[1]} ms; fake clock.`,
          ...totals.map((t) => `${t.name}: ${t.config}.`),
          'Detection latency: server-side terminal transition (creation + queue + render, exact ms) → first terminal state seen by each observer.',
        ],
      },
    ],
    bars: bars(vidjob, tanstack),
    data: { workload, seeds, contenders: totals, reference: { vidjobFixed: fixed.name, naive: naive.name } },
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
