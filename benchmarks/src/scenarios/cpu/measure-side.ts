import { GCProfiler } from 'node:v8'
import { settledHeap } from '../../gc'
import { quantile } from '../../stats'
import type { CpuSide } from './cpu-side'
import { cycleAnswers, type CpuWorkload } from './workload'

/** One repeat of one side: per-cycle times and what the cycles allocated and kept. */
export interface CpuRepeat {
  /** Wall time of each timed cycle, ms. */
  readonly cycleMs: readonly number[]
  /** Bytes allocated per cycle (heap growth plus what GC freed during the cycle), mean over the cycles. */
  readonly allocatedBytesPerCycle: number
  /** Heap after a forced GC at the end minus at the start of the timed cycles. */
  readonly retainedBytes: number
  readonly notificationsPerCycle: number
}

/**
 * Runs one repeat: a fresh side, warm-up cycles, then timed cycles. Each cycle's answers are built before
 * its clock starts; allocation is what the heap grew by plus what collections freed inside the cycle
 * (v8's GCProfiler reports each collection's before/after sizes).
 *
 * @example const repeat = await measureRepeat(vidjobSide(workload), workload)
 */
export async function measureRepeat(side: CpuSide, workload: CpuWorkload): Promise<CpuRepeat> {
  await side.start(cycleAnswers(workload, 0))
  try {
    for (let cycle = 1; cycle <= workload.warmupCycles; cycle++)
      await side.cycle(cycleAnswers(workload, cycle))
    const before = await settledHeap()
    const notificationsBefore = side.notifications
    const cycleMs: number[] = []
    let allocated = 0
    for (let n = 0; n < workload.cycles; n++) {
      const answers = cycleAnswers(workload, workload.warmupCycles + 1 + n)
      const profiler = new GCProfiler()
      profiler.start()
      const heapStart = process.memoryUsage().heapUsed
      const started = performance.now()
      await side.cycle(answers)
      cycleMs.push(performance.now() - started)
      const heapEnd = process.memoryUsage().heapUsed
      allocated += heapEnd - heapStart + freedBy(profiler.stop())
    }
    const notifications = side.notifications - notificationsBefore
    return {
      cycleMs,
      allocatedBytesPerCycle: allocated / workload.cycles,
      retainedBytes: (await settledHeap()) - before,
      notificationsPerCycle: notifications / workload.cycles,
    }
  } finally {
    side.stop()
  }
}

/**
 * Median cycle time of a repeat.
 *
 * @example medianCycle(repeat) // 6.2
 */
export function medianCycle(repeat: CpuRepeat): number {
  return quantile(repeat.cycleMs, 0.5)
}

type GcProfile = ReturnType<GCProfiler['stop']>

function freedBy(profile: GcProfile): number {
  let freed = 0
  for (const gc of profile?.statistics ?? [])
    freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize
  return freed
}
