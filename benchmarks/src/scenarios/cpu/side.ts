import { isTrackerName } from '../../trackers'
import { measureSize, type CpuSizeRun } from './measure-size'
import { cpuWorkload } from './workload'

/**
 * Measures one side at the given sizes, smallest first, in a process of its own (run-side.ts):
 * `cpu <side> <size,size…> [--quick]`. A size over the cap ends the list: a larger one would be too.
 *
 * @example const runs = await measureCpuSide(['vidjob', '1000'])
 */
export async function measureCpuSide(args: readonly string[]): Promise<CpuSizeRun[]> {
  const [name, sizes] = args
  if (name === undefined || !isTrackerName(name)) throw new Error(`Unknown CPU side ${name}.`)
  const workload = cpuWorkload(args.includes('--quick'))
  const runs: CpuSizeRun[] = []
  for (const size of (sizes ?? '').split(',').map(Number)) {
    const run = await measureSize(name, size, workload)
    runs.push(run)
    if (run.overCap) break
  }
  return runs
}
