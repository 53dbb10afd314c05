import {
  formatBytes,
  formatCount,
  formatMs,
  formatRatio,
  formatSpread,
  type ScenarioResult,
} from '../../report'
import { quantile } from '../../stats'
import { runChild } from '../../child-process'
import { medianCycle, type CpuRepeat } from './measure-side'
import type { CpuSideResult } from './side'
import { CPU_SIDES } from './sides'
import { cpuWorkload, type CpuWorkload } from './workload'

/** One side over every repeat. */
export interface CpuTotals {
  readonly name: string
  readonly config: string
  /** Median over repeats (one process each) of each repeat's median cycle time, with the repeats' range. */
  readonly cycleMs: { readonly median: number; readonly min: number; readonly max: number }
  /** p10–p90 of every timed cycle of every repeat. */
  readonly cycleMsP10: number
  readonly cycleMsP90: number
  readonly allocatedBytesPerCycle: number
  readonly retainedBytes: number
  readonly notificationsPerCycle: number
  readonly repeats: readonly CpuRepeat[]
}

/**
 * Scenario 3: CPU time and allocations per poll cycle (10 list pages + 100 retrieves over 1,000 tracked
 * jobs, merged and emitted), core only, no network.
 *
 * @example const result = await runCpu({ quick: true })
 */
export async function runCpu(options: { quick: boolean }): Promise<ScenarioResult> {
  const workload = cpuWorkload(options.quick)
  const sides = Object.keys(CPU_SIDES)
  const runs = new Map<string, CpuSideResult[]>(sides.map((side) => [side, []]))
  // A, B, C, A, B, C…: one fresh process per repeat, so drift in the machine's load is shared by every side.
  for (let repeat = 0; repeat < workload.repeats; repeat++)
    for (const side of sides) {
      const args = options.quick ? [side, '--quick'] : [side]
      runs.get(side)?.push(await runChild<CpuSideResult>('src/run-side.ts', ['cpu', ...args]))
    }
  return report(workload, [...runs.values()].map(total))
}

function total(runs: readonly CpuSideResult[]): CpuTotals {
  const [{ name, config }] = runs as [CpuSideResult, ...CpuSideResult[]]
  const repeats = runs.map((run) => run.repeat)
  const medians = repeats.map(medianCycle)
  const all = repeats.flatMap((repeat) => repeat.cycleMs)
  const mean = (pick: (repeat: CpuRepeat) => number): number =>
    repeats.reduce((sum, repeat) => sum + pick(repeat), 0) / repeats.length
  return {
    name,
    config,
    cycleMs: { median: quantile(medians, 0.5), min: Math.min(...medians), max: Math.max(...medians) },
    cycleMsP10: quantile(all, 0.1),
    cycleMsP90: quantile(all, 0.9),
    allocatedBytesPerCycle: mean((repeat) => repeat.allocatedBytesPerCycle),
    retainedBytes: quantile(
      repeats.map((repeat) => repeat.retainedBytes),
      0.5,
    ),
    notificationsPerCycle: mean((repeat) => repeat.notificationsPerCycle),
    repeats,
  }
}

function report(workload: CpuWorkload, totals: CpuTotals[]): ScenarioResult {
  const [vidjob, tanstack, validated] = totals as [CpuTotals, CpuTotals, CpuTotals]
  const ratios = (pick: (t: CpuTotals) => number): string[] => [
    formatRatio(pick(vidjob), pick(tanstack)),
    formatRatio(pick(vidjob), pick(validated)),
  ]
  const row = (metric: string, pick: (t: CpuTotals) => number, format: (v: number) => string): string[] => [
    metric,
    ...totals.map((t) => format(pick(t))),
    ...ratios(pick),
  ]
  const speedup = tanstack.cycleMs.median / vidjob.cycleMs.median
  const speedupValidated = validated.cycleMs.median / vidjob.cycleMs.median
  return {
    name: 'cpu',
    tables: [
      {
        title: `3. CPU per poll cycle (${formatCount(workload.jobs)} jobs: ${workload.jobs / workload.pageSize} list pages + ${workload.singles} retrieves per cycle, ${workload.cycles} cycles × ${workload.repeats} repeats)`,
        columns: ['metric', ...totals.map((t) => t.name), 'vidjob ÷ TanStack', 'vidjob ÷ TanStack + zod'],
        rows: [
          [
            'time per cycle, median (range over processes)',
            ...totals.map((t) => formatSpread(t.cycleMs.median, t.cycleMs.min, t.cycleMs.max, formatMs)),
            ...ratios((t) => t.cycleMs.median),
          ],
          row('time per cycle, p10 of all cycles', (t) => t.cycleMsP10, formatMs),
          row('time per cycle, p90 of all cycles', (t) => t.cycleMsP90, formatMs),
          row('allocated per cycle', (t) => t.allocatedBytesPerCycle, formatBytes),
          row('heap kept after the cycles (forced GC)', (t) => t.retainedBytes, formatBytes),
          row('observer notifications per cycle', (t) => t.notificationsPerCycle, formatCount),
        ],
        notes: [
          `Each cycle: 1 job in ${workload.changeEvery} advances one progress point, the rest answer unchanged; answers are fresh objects each cycle (as from JSON.parse), built before the cycle's clock starts.`,
          ...totals.map((t) => `${t.name}: ${t.config}.`),
          'NODE_ENV=production; every repeat of every side in a fresh process, the sides alternating (A B C A B C …); warm-up cycles first; allocation = heap growth + bytes freed by GCs inside the cycle (v8 GCProfiler).',
        ],
      },
    ],
    bars: [
      {
        scenario: 'cpu',
        bar: 'bar: vidjob ≥ 2× faster per cycle than TanStack Query (bodies fed as given)',
        measured: `${formatMs(vidjob.cycleMs.median)} vs ${formatMs(tanstack.cycleMs.median)}: vidjob ${speedup.toFixed(2)}× as fast (vs TanStack + zod: ${speedupValidated.toFixed(2)}×)`,
        cleared: speedup >= 2,
      },
    ],
    data: { workload, sides: totals },
  }
}
