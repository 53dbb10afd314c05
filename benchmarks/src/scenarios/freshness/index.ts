import { runChild } from '../../child-process'
import type { ScenarioResult } from '../../report'
import { TRACKERS, type TrackerName } from '../../trackers'
import { freshnessReport } from './report'
import type { FreshnessSideResult } from './side'
import { freshnessWorkload } from './workload'

/**
 * Scenario 3c/3d: how fresh each live job stays and how soon a completion shows, at 10 to 10,000 live
 * jobs and for a job alone. The two sides run at once, each in its own process: every figure is a count
 * or a simulated time (fake clock, seeded mock), so the machine's load cannot change it.
 *
 * @example const result = await runFreshness({ quick: true })
 */
export async function runFreshness(options: { quick: boolean }): Promise<ScenarioResult> {
  const workload = freshnessWorkload(options.quick)
  const sides = Object.keys(TRACKERS) as TrackerName[]
  const results = await Promise.all(
    sides.map((side) =>
      runChild<FreshnessSideResult>('src/run-side.ts', [
        'freshness',
        side,
        ...(options.quick ? ['--quick'] : []),
      ]),
    ),
  )
  return freshnessReport(
    workload,
    new Map(sides.map((side, index) => [side, results[index] as FreshnessSideResult])),
  )
}
