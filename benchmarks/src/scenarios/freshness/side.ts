import { isTrackerName } from '../../trackers'
import { measureFleet, type FleetRun } from './measure-fleet'
import { measureSingleJobs, type SingleJobRun } from './single-job'
import { freshnessWorkload } from './workload'

/** What one side's process hands back. */
export interface FreshnessSideResult {
  readonly fleet: readonly FleetRun[]
  readonly single: SingleJobRun
}

/**
 * Measures one side in a process of its own (run-side.ts): `freshness <side> [--quick]`, the single-job
 * runs and then every fleet size, smallest first, until one is over the cap. The counts are exact
 * (fake clock, seeded mock), so one run per size is enough.
 *
 * @example const result = await measureFreshnessSide(['vidjob', '--quick'])
 */
export async function measureFreshnessSide(args: readonly string[]): Promise<FreshnessSideResult> {
  const [name] = args
  if (name === undefined || !isTrackerName(name)) throw new Error(`Unknown freshness side ${name}.`)
  const workload = freshnessWorkload(args.includes('--quick'))
  const single = await measureSingleJobs(name, workload)
  const fleet: FleetRun[] = []
  for (const size of workload.sizes) {
    const run = await measureFleet(name, size, workload)
    fleet.push(run)
    if (run.overCap) break
  }
  return { fleet, single }
}
