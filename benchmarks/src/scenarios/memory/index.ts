import { runChild } from '../../child-process'
import { formatBytes, formatCount, formatRatio, type ScenarioResult } from '../../report'
import type { CensusGrowth } from '../../heap-census'
import type { MemoryRun } from './measure-subject'
import { MEMORY_SIDES } from './side'
import { memoryWorkload, type MemoryWorkload } from './workload'

/**
 * Scenario 4: heap after many subscribe/unsubscribe cycles, timers left, retained bytes per cached video
 * and whether an abandoned job's state is collectable, each library in its own process.
 *
 * @example const result = await runMemory({ quick: true })
 */
export async function runMemory(options: { quick: boolean }): Promise<ScenarioResult> {
  const workload = memoryWorkload(options.quick)
  const runs: MemoryRun[] = []
  for (const side of Object.keys(MEMORY_SIDES)) {
    const args = options.quick ? ['memory', side, '--quick'] : ['memory', side]
    runs.push(await runChild<MemoryRun>('src/run-side.ts', args))
  }
  return report(workload, runs)
}

function heapChange(run: MemoryRun): number {
  return run.finalHeapBytes - run.baselineHeapBytes
}

function retained({ total, top }: CensusGrowth): string {
  const named = top.map((entry) => `${formatCount(entry.count)} ${entry.name}`).join(', ')
  return `${formatCount(total)}${named === '' ? '' : ` (${named})`}`
}

function growth(run: MemoryRun): number {
  return heapChange(run) / run.baselineHeapBytes
}

function report(workload: MemoryWorkload, runs: MemoryRun[]): ScenarioResult {
  const [vidjob, tanstack, control] = runs as [MemoryRun, MemoryRun, MemoryRun]
  const percent = (value: number): string => `${(value * 100).toFixed(2)} %`
  const cached = (run: MemoryRun): number => run.bytesPerCachedVideo ?? Number.NaN
  const overhead = (run: MemoryRun): number => cached(run) - (run.bytesPerBareVideo ?? Number.NaN)
  const bytesOrDash = (value: number): string => (Number.isNaN(value) ? '–' : formatBytes(value))
  const row = (metric: string, format: (run: MemoryRun) => string, ratio?: (run: MemoryRun) => number) => [
    metric,
    ...runs.map(format),
    ratio === undefined ? '' : formatRatio(ratio(vidjob), ratio(tanstack)),
  ]
  const collected = (run: MemoryRun): string =>
    run.stateCollected === undefined ? '–' : run.stateCollected ? 'yes' : 'NO'
  const within = Math.abs(growth(vidjob)) <= workload.heapTolerance
  return {
    name: 'memory',
    tables: [
      {
        title: `4. Memory (${formatCount(workload.subscribeCycles)} subscribe/unsubscribe cycles, ${formatCount(workload.cachedVideos)} cached videos)`,
        columns: ['metric', ...runs.map((run) => run.name), 'vidjob ÷ TanStack'],
        rows: [
          row('heap before the cycles (forced GC)', (run) => formatBytes(run.baselineHeapBytes)),
          row('heap after the cycles (forced GC)', (run) => formatBytes(run.finalHeapBytes)),
          row(
            'heap change',
            (run) => `${formatBytes(run.finalHeapBytes - run.baselineHeapBytes)} (${percent(growth(run))})`,
          ),
          row('objects left after the cycles (heap snapshot)', (run) => retained(run.retainedObjects)),
          row('timers left', (run) => formatCount(run.timersLeft)),
          row('retained per cached video', (run) => bytesOrDash(cached(run)), cached),
          row(
            '  of which cache overhead (beyond the bare object)',
            (run) => bytesOrDash(overhead(run)),
            overhead,
          ),
          row('unsubscribed job state garbage-collected (WeakRef)', collected),
        ],
        notes: [
          `Cycles rotate over ${workload.jobs} mock jobs; every other cycle waits 300 ms for the answer, the rest unsubscribe with the request in flight; as many warm-up cycles come before the baseline. Heap measured after gcTime (5 min, fake clock) and forced GC; the mock's request log is cleared first.`,
          `The control sends the same requests with no cache: its heap change (${percent(growth(control))}) is the harness's own drift (compiled code, fetch internals, fake clock), not a cache's.`,
          `A bare video object (the spec's fields) takes ${bytesOrDash(vidjob.bytesPerBareVideo ?? Number.NaN)} on this heap.`,
          ...runs.map((run) => `${run.name}: ${run.config}.`),
        ],
      },
    ],
    bars: [
      {
        scenario: 'memory',
        bar: `bar: heap within ${workload.heapTolerance * 100} % of baseline after ${formatCount(workload.subscribeCycles)} cycles, zero live timers`,
        measured: `${percent(growth(vidjob))} (control without a cache: ${percent(growth(control))}), ${vidjob.timersLeft} timers`,
        cleared: within && vidjob.timersLeft === 0,
      },
      {
        scenario: 'memory',
        bar: 'check: the cycles leave no more objects behind than the control (within 1 per 1,000 cycles)',
        measured: `${retained(vidjob.retainedObjects)} vs the control's ${retained(control.retainedObjects)}`,
        cleared:
          vidjob.retainedObjects.total - control.retainedObjects.total <= workload.subscribeCycles / 1_000,
      },
      {
        scenario: 'memory',
        bar: 'bar: an unsubscribed, garbage-collected job’s state object is collectable (WeakRef)',
        measured: vidjob.stateCollected === true ? 'collected' : 'still reachable',
        cleared: vidjob.stateCollected === true,
      },
    ],
    data: { workload, runs },
  }
}
