import { runChild } from '../../child-process'
import type { ScenarioResult } from '../../report'
import { quantile } from '../../stats'
import { TRACKERS, type TrackerName } from '../../trackers'
import type { CpuSizeRun } from './measure-size'
import { cpuReport } from './report'
import { cpuWorkload } from './workload'

/** A median over the repeats, with their range. */
export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
}

/** One side at one size, over every repeat. */
export interface CpuPoint {
  readonly side: TrackerName
  readonly size: number
  readonly repeats: number
  /** CPU ms and job refreshes the side spent per interval (mean over the measured intervals of a repeat). */
  readonly cpuPerInterval?: Spread
  readonly refreshesPerInterval?: number
  /** CPU ms to refresh every live job once: per interval × size ÷ refreshes per interval. */
  readonly cpuPerCycle?: Spread
  readonly wallPerInterval?: number
  readonly retrievePerInterval?: number
  readonly listPerInterval?: number
  readonly firingsPerInterval?: number
  readonly notificationsPerInterval?: number
  /** CPU ms per interval its requests cost the transport, the in-process mock and the clock driver (estimate). */
  readonly requestCostPerInterval?: number
  /** CPU ms per interval the clock driver spent on the side's other timers (its own: refetch, poller), estimated. */
  readonly driverPerInterval?: number
  /** `cpuPerCycle` without `driverPerInterval`: what the cycle would cost were the side's own timers free to fire. */
  readonly cpuPerCycleWithoutDriver?: number
  readonly firingUs?: number
  /** Set when a repeat spent more than the cap: the CPU ms of the interval that crossed it. */
  readonly overCapMs?: number
}

/**
 * Scenario 3: CPU time per poll interval at 10 to 10,000 live jobs, vidjob's poller and query-core's
 * observers over the same transport and mock, each repeat of each side in a fresh process, alternating.
 *
 * @example const result = await runCpu({ quick: true })
 */
export async function runCpu(options: { quick: boolean }): Promise<ScenarioResult> {
  const workload = cpuWorkload(options.quick)
  const sides = Object.keys(TRACKERS) as TrackerName[]
  const runs = new Map<string, CpuSizeRun[]>()
  const overCapAt = new Map<TrackerName, number>()
  const groups = workload.processPerSize ? workload.sizes.map((size) => [size]) : [workload.sizes]
  for (const group of groups)
    // A B A B…: one fresh process per repeat, so drift in the machine's load is shared by both sides.
    for (let repeat = 0; repeat < workload.repeats; repeat++)
      for (const side of sides) {
        const sizes = group.filter((size) => size < (overCapAt.get(side) ?? Infinity))
        if (sizes.length === 0) continue
        const args = ['cpu', side, sizes.join(','), ...(options.quick ? ['--quick'] : [])]
        for (const run of await runChild<CpuSizeRun[]>('src/run-side.ts', args)) {
          const key = `${side}@${run.size}`
          runs.set(key, [...(runs.get(key) ?? []), run])
          if (run.overCap) overCapAt.set(side, Math.min(run.size, overCapAt.get(side) ?? Infinity))
        }
      }
  const points = sides.flatMap((side) =>
    workload.sizes.map((size) => combine(side, size, runs.get(`${side}@${size}`) ?? [])),
  )
  return cpuReport(workload, points)
}

function combine(side: TrackerName, size: number, runs: readonly CpuSizeRun[]): CpuPoint {
  const over = runs.find((run) => run.overCap)
  if (over?.overCap || runs.length === 0)
    return { side, size, repeats: runs.length, ...(over?.overCap ? { overCapMs: over.overCap.cpuMs } : {}) }
  const mean = (run: CpuSizeRun, pick: (i: CpuSizeRun['intervals'][number]) => number): number =>
    run.intervals.reduce((sum, interval) => sum + pick(interval), 0) / run.intervals.length
  const median = (values: readonly number[]): number => quantile(values, 0.5)
  const spread = (values: readonly number[]): Spread => ({
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
  })
  const perRun = (pick: (i: CpuSizeRun['intervals'][number]) => number): number =>
    median(runs.map((run) => mean(run, pick)))
  const cpu = runs.map((run) => mean(run, (i) => i.cpuMs))
  const refreshes = runs.map((run) => mean(run, (i) => i.refreshes))
  const requestCost = runs.map((run) => {
    const costs = run.costs
    if (costs === undefined) return Number.NaN
    return mean(run, (i) => i.retrieve * costs.retrieveUs + i.list * costs.listUs) / 1000
  })
  // Each request fired one latency timer (in the request cost); the other firings are the side's own timers.
  const driver = runs.map((run) => {
    const firingUs = run.costs?.firingUs ?? Number.NaN
    return (mean(run, (i) => Math.max(0, i.firings - i.retrieve - i.list)) * firingUs) / 1000
  })
  return {
    side,
    size,
    repeats: runs.length,
    cpuPerInterval: spread(cpu),
    refreshesPerInterval: median(refreshes),
    cpuPerCycle: spread(cpu.map((ms, n) => (ms * size) / Math.max(refreshes[n] as number, 1))),
    wallPerInterval: perRun((i) => i.wallMs),
    retrievePerInterval: perRun((i) => i.retrieve),
    listPerInterval: perRun((i) => i.list),
    firingsPerInterval: perRun((i) => i.firings),
    notificationsPerInterval: perRun((i) => i.notifications),
    requestCostPerInterval: median(requestCost),
    driverPerInterval: median(driver),
    cpuPerCycleWithoutDriver: median(
      cpu.map((ms, n) => ((ms - (driver[n] as number)) * size) / Math.max(refreshes[n] as number, 1)),
    ),
    firingUs: median(runs.map((run) => run.costs?.firingUs ?? Number.NaN)),
  }
}
