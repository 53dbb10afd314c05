import { createFetchTransport, type VideoTransport } from '@vidjob/core'
import { countRequests, observeDeliveries } from '../../deliveries'
import { installFakeClock, type FakeClock } from '../../fake-clock'
import { seedPopulation } from '../../population'
import { TRACKERS, type TrackerName } from '../../trackers'
import { advanceClock, calibrateFiring, cpuMs, OverCapError } from '../../virtual-time'
import type { CpuWorkload } from './workload'

/** One measured interval of one side. */
export interface CpuInterval {
  /** Process CPU time (user + system) spent while the clock moved one interval. */
  readonly cpuMs: number
  readonly wallMs: number
  /** Job data that reached the client (a retrieve answer, or a row of a list page). */
  readonly refreshes: number
  readonly retrieve: number
  readonly list: number
  /** Timers that fired (the mock's latency timers, the library's own). */
  readonly firings: number
  readonly notifications: number
}

/** The harness's own costs, measured in the same process after the intervals. */
export interface RequestCosts {
  /** CPU µs of one retrieve / one newest-page request through the transport and mock, body parsed as JSON. */
  readonly retrieveUs: number
  readonly listUs: number
  /** CPU µs the clock driver spends per timer firing (on a timer heap of the run's size). */
  readonly firingUs: number
}

/** One side at one size, in one process. */
export interface CpuSizeRun {
  readonly size: number
  readonly intervals: readonly CpuInterval[]
  /** Set when the side spent more than the cap on one interval (or on subscribing): nothing more was run. */
  readonly overCap?: { readonly phase: 'set-up' | 'interval'; readonly cpuMs: number }
  readonly costs?: RequestCosts
}

const BASE_URL = 'http://mock.local/v1'

/**
 * Puts `size` live jobs on the mock (150 ms per answer), subscribes one observer per job through the
 * side's library, lets the warm-up intervals pass and then measures each interval's CPU time while the
 * fake clock moves, every timer firing as its own task. Job data reaching the client is counted through
 * {@link observeDeliveries}; requests from the mock's log.
 *
 * @example const run = await measureSize('vidjob', 1_000, cpuWorkload(false))
 */
export async function measureSize(
  name: TrackerName,
  size: number,
  workload: CpuWorkload,
): Promise<CpuSizeRun> {
  const clock = installFakeClock()
  try {
    const population = seedPopulation(clock, size, workload.timing)
    const { api } = population
    const plain = createFetchTransport({ baseURL: BASE_URL, fetch: api.fetch })
    const tracked = new Set(population.ids)
    let refreshes = 0
    const tracker = TRACKERS[name](
      observeDeliveries(plain, (id) => (tracked.has(id) ? refreshes++ : undefined)),
      workload.intervalMs,
    )
    const intervals: CpuInterval[] = []
    let timers = 0
    try {
      const setUp = cpuMs()
      for (const id of population.ids) tracker.watch(id)
      if (cpuMs() - setUp > workload.capMs) return overCap(size, 'set-up', cpuMs() - setUp, intervals)
      const total = workload.warmupIntervals + workload.measuredIntervals(size)
      for (let index = 0; index < total; index++) {
        api.resetLog()
        const [refreshesBefore, notificationsBefore] = [refreshes, tracker.notifications]
        const [cpuBefore, wallBefore] = [cpuMs(), performance.now()]
        let firings: number
        try {
          firings = await advanceClock(clock, workload.intervalMs, {
            cpuDeadlineMs: cpuBefore + workload.capMs,
          })
        } catch (error) {
          if (error instanceof OverCapError)
            return overCap(size, 'interval', error.cpuMs - cpuBefore, intervals)
          throw error
        }
        const interval = {
          cpuMs: cpuMs() - cpuBefore,
          wallMs: performance.now() - wallBefore,
          refreshes: refreshes - refreshesBefore,
          ...countRequests(api.log),
          firings,
          notifications: tracker.notifications - notificationsBefore,
        }
        if (index >= workload.warmupIntervals) intervals.push(interval)
      }
      timers = clock.countTimers()
    } finally {
      tracker.dispose()
    }
    await advanceClock(clock, workload.intervalMs)
    return { size, intervals, costs: await calibrate(clock, plain, population.ids, timers) }
  } finally {
    clock.uninstall()
  }
}

function overCap(
  size: number,
  phase: 'set-up' | 'interval',
  spent: number,
  intervals: readonly CpuInterval[],
): CpuSizeRun {
  return { size, intervals, overCap: { phase, cpuMs: spent } }
}

/**
 * What one request costs the harness beyond the library: retrieves and newest pages sent all at once
 * through the same transport and mock and answered after the same latency (the cheapest of three
 * passes, the first a warm-up), and one timer firing.
 */
async function calibrate(
  clock: FakeClock,
  transport: VideoTransport,
  ids: readonly string[],
  timers: number,
): Promise<RequestCosts> {
  const perRequest = async (count: number, send: (n: number) => Promise<unknown>): Promise<number> => {
    let us = Infinity
    for (let pass = 0; pass < 3; pass++) {
      const started = cpuMs()
      const answers = Promise.all(Array.from({ length: count }, (_, n) => send(n)))
      await advanceClock(clock, 1_000)
      await answers
      us = Math.min(us, ((cpuMs() - started) * 1000) / count)
    }
    return us
  }
  const retrieveUs = await perRequest(200, (n) => transport.retrieve(ids[n % ids.length] as string))
  const listUs = await perRequest(20, () => transport.list({ order: 'desc', limit: 100 }))
  return { retrieveUs, listUs, firingUs: await calibrateFiring(clock, timers) }
}
