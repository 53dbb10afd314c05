import {
  formatBytes,
  formatCount,
  formatRatio,
  formatSpread,
  type ReportTable,
  type ScenarioResult,
} from '../../report'
import type { CensusGrowth } from '../../heap-census'
import { quantile } from '../../stats'
import type { MemoryRun } from './measure-subject'
import type { PerVideoRun } from './per-video'
import type { MemoryWorkload } from './workload'

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

const percent = (value: number): string => `${(value * 100).toFixed(2)} %`

/**
 * The memory scenario's tables and bars.
 *
 * @example const result = memoryReport(workload, leaks, perVideo)
 */
export function memoryReport(
  workload: MemoryWorkload,
  leaks: readonly MemoryRun[],
  perVideo: ReadonlyMap<string, readonly PerVideoRun[]>,
): ScenarioResult {
  const [vidjob, , control] = leaks as [MemoryRun, MemoryRun, MemoryRun]
  const collected = (run: MemoryRun): string =>
    run.stateCollected === undefined ? '–' : run.stateCollected ? 'yes' : 'NO'
  const within = Math.abs(growth(vidjob)) <= workload.heapTolerance
  const leakTable: ReportTable = {
    title: `4. Memory: leaks (${formatCount(workload.subscribeCycles)} subscribe/unsubscribe cycles, fake clock)`,
    columns: ['metric', ...leaks.map((run) => run.name)],
    rows: [
      ['heap before the cycles (forced GC)', ...leaks.map((run) => formatBytes(run.baselineHeapBytes))],
      ['heap after the cycles (forced GC)', ...leaks.map((run) => formatBytes(run.finalHeapBytes))],
      ['heap change', ...leaks.map((run) => `${formatBytes(heapChange(run))} (${percent(growth(run))})`)],
      ['objects left after the cycles (heap snapshot)', ...leaks.map((run) => retained(run.retainedObjects))],
      ['timers left', ...leaks.map((run) => formatCount(run.timersLeft))],
      ['unsubscribed job state garbage-collected (WeakRef)', ...leaks.map(collected)],
    ],
    notes: [
      `Cycles rotate over ${workload.jobs} mock jobs; every other cycle waits 300 ms for the answer, the rest unsubscribe with the request in flight; as many warm-up cycles come before the baseline. Heap measured after gcTime (5 min, fake clock: nothing here compares the libraries' bytes, which the fake timers would distort) and forced GC; the mock's request log is cleared first.`,
      `The control sends the same requests with no cache: its heap change (${percent(growth(control))}) is the harness's own drift (compiled code, fetch internals, fake clock), not a cache's.`,
      ...leaks.map((run) => `${run.name}: ${run.config}.`),
    ],
  }
  const median = (side: string, pick: (run: PerVideoRun) => number): number =>
    quantile((perVideo.get(side) ?? []).map(pick), 0.5)
  const spread = (side: string, pick: (run: PerVideoRun) => number): string => {
    const values = (perVideo.get(side) ?? []).map(pick)
    return formatSpread(quantile(values, 0.5), Math.min(...values), Math.max(...values), formatBytes)
  }
  const row = (metric: string, pick: (run: PerVideoRun) => number): string[] => [
    metric,
    spread('vidjob', pick),
    spread('tanstack', pick),
    formatRatio(median('vidjob', pick), median('tanstack', pick)),
  ]
  const overhead = (run: PerVideoRun): number => run.bytesPerCachedVideo - run.bytesPerBareVideo
  const cachedRatio = formatRatio(
    median('vidjob', (r) => r.bytesPerCachedVideo),
    median('tanstack', (r) => r.bytesPerCachedVideo),
  )
  const watchedRatio = formatRatio(
    median('vidjob', (r) => r.bytesPerWatchedJob),
    median('tanstack', (r) => r.bytesPerWatchedJob),
  )
  const bytesTable: ReportTable = {
    title: `4b. Memory per video, real timers (${formatCount(workload.cachedVideos)} cached videos, ${formatCount(workload.watchedJobs)} watched jobs, ${workload.perVideoRepeats} process${workload.perVideoRepeats > 1 ? 'es' : ''} per side)`,
    columns: ['metric', 'vidjob', 'TanStack Query', 'vidjob ÷ TanStack'],
    rows: [
      row('retained per cached video (nobody watching)', (r) => r.bytesPerCachedVideo),
      row('  of which cache overhead (beyond the bare object)', overhead),
      row('retained per watched job (loaded through its own observer)', (r) => r.bytesPerWatchedJob),
    ],
    notes: [
      'No fake timers in these processes: the timers each library makes (TanStack Query: a gc timeout per unobserved query and a refetch interval per observer; vidjob: one gc sweep and the poller’s one timer) are Node’s own objects. With fake timers each would be one of the fake clock’s larger records, which made an earlier run read 0.57× for the cached video.',
      `Cached: ${formatCount(workload.cachedVideos)} fresh video objects put in the cache (client.ingest / setQueryData), heap after a forced GC minus before. Watched: ${formatCount(workload.watchedJobs)} jobs on the mock (no latency), one observer each (job$ / a QueryObserver with refetchInterval 5 s), read once every job is loaded, before any refetch, the mock's request log cleared. Median over the processes (range in brackets).`,
      `A bare video object (the spec's fields) takes ${formatBytes(median('vidjob', (r) => r.bytesPerBareVideo))} on this heap.`,
    ],
  }
  return {
    name: 'memory',
    tables: [leakTable, bytesTable],
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
      {
        scenario: 'memory',
        bar: 'check: memory per cached video and per watched job ≤ TanStack Query’s (real timers)',
        measured: `cached ${cachedRatio}, watched ${watchedRatio}`,
        cleared:
          median('vidjob', (r) => r.bytesPerCachedVideo) <=
            median('tanstack', (r) => r.bytesPerCachedVideo) &&
          median('vidjob', (r) => r.bytesPerWatchedJob) <= median('tanstack', (r) => r.bytesPerWatchedJob),
      },
    ],
    data: { workload, leaks, perVideo: Object.fromEntries(perVideo) },
  }
}
