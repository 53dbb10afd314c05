import { runChild } from '../../child-process'
import type { ScenarioResult } from '../../report'
import type { MemoryRun } from './measure-subject'
import type { PerVideoRun } from './per-video'
import { memoryReport } from './report'
import { MEMORY_SIDES } from './side'
import { memoryWorkload } from './workload'

/**
 * Scenario 4: heap after many subscribe/unsubscribe cycles, timers left and whether an abandoned job's
 * state is collectable (fake clock, one process per library), then the bytes kept per cached video and
 * per watched job on real timers (fresh processes, the two libraries alternating).
 *
 * @example const result = await runMemory({ quick: true })
 */
export async function runMemory(options: { quick: boolean }): Promise<ScenarioResult> {
  const workload = memoryWorkload(options.quick)
  const quick = options.quick ? ['--quick'] : []
  const leaks: MemoryRun[] = []
  for (const side of Object.keys(MEMORY_SIDES))
    leaks.push(await runChild<MemoryRun>('src/run-side.ts', ['memory', side, 'leaks', ...quick]))
  const perVideo = new Map<string, PerVideoRun[]>()
  for (let repeat = 0; repeat < workload.perVideoRepeats; repeat++)
    for (const side of ['vidjob', 'tanstack']) {
      const run = await runChild<PerVideoRun>('src/run-side.ts', ['memory', side, 'per-video', ...quick])
      perVideo.set(side, [...(perVideo.get(side) ?? []), run])
    }
  return memoryReport(workload, leaks, perVideo)
}
