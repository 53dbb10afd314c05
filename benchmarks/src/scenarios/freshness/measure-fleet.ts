import { createFetchTransport } from '@vidjob/core'
import { countRequests, observeDeliveries, type RequestCounts } from '../../deliveries'
import { installFakeClock } from '../../fake-clock'
import { seedPopulation } from '../../population'
import { TRACKERS, type TrackerName } from '../../trackers'
import { advanceClock, cpuMs, OverCapError } from '../../virtual-time'
import type { FreshnessWorkload } from './workload'

/** What one side's clients saw of a fleet of live jobs over the measured window. */
export interface FleetRun {
  readonly size: number
  /** Per job watched during the window, the longest time between two refreshes that ended in it (ms). */
  readonly longestGaps: readonly number[]
  /** How many of those were still open at the window's end (the job not refreshed since): lower bounds. */
  readonly openGaps: number
  /** Whether the longest of them all is one of the open ones. */
  readonly longestIsOpen: boolean
  /** ms from each server-side completion in the window to the observer first holding it. */
  readonly detections: readonly number[]
  /** Completions in the window not yet shown by the end of the tail: each counted in `detections` as its wait so far. */
  readonly undetected: number
  readonly requests: RequestCounts
  readonly windowIntervals: number
  /** Process CPU ms per interval of the window (for context; scenario 3 measures CPU properly). */
  readonly cpuPerInterval: number
  readonly overCap?: { readonly cpuMs: number }
}

const BASE_URL = 'http://mock.local/v1'

/**
 * Keeps `size` jobs live on the mock (a completed job is replaced at once by a new one, which the side
 * then watches) and records, per job, every instant its data reached the client (any request: see
 * observeDeliveries) and when its observer first showed its completion. An observer leaves once it has
 * shown its job's end, as a "live jobs" panel drops finished rows.
 *
 * @example const run = await measureFleet('vidjob', 5_000, freshnessWorkload(false))
 */
export async function measureFleet(
  name: TrackerName,
  size: number,
  workload: FreshnessWorkload,
): Promise<FleetRun> {
  const clock = installFakeClock()
  try {
    const population = seedPopulation(clock, size, workload.timing)
    const { api, completesAt } = population
    const start = clock.now
    const windowStart = start + workload.warmupIntervals * workload.intervalMs
    const windowIntervals = workload.windowIntervals(size)
    const windowEnd = windowStart + windowIntervals * workload.intervalMs
    const lastRefresh = new Map<string, number>()
    const longest = new Map<string, number>()
    const open = new Set<string>()
    const detectedAt = new Map<string, number>()
    const inWindow = (at: number): boolean => at > windowStart && at <= windowEnd
    const onRefresh = (id: string): void => {
      const last = lastRefresh.get(id)
      if (last === undefined) return
      const now = clock.now
      if (inWindow(now)) longest.set(id, Math.max(longest.get(id) ?? 0, now - last))
      lastRefresh.set(id, now)
    }
    const plain = createFetchTransport({ baseURL: BASE_URL, fetch: api.fetch })
    const tracker = TRACKERS[name](observeDeliveries(plain, onRefresh), workload.intervalMs)
    const watch = (id: string): void => {
      // A job nobody has fetched yet has been waiting since it was put on screen.
      lastRefresh.set(id, clock.now)
      const stop = tracker.watch(id, () => {
        detectedAt.set(id, clock.now)
        lastRefresh.delete(id)
        queueMicrotask(stop)
      })
      // The job completes on the server: a user submits the next one, which is watched too.
      clock.setTimeout(() => watch(population.addJob()), (completesAt.get(id) as number) - clock.now)
    }
    try {
      for (const id of population.ids) watch(id)
      let cpuInWindow = 0
      const intervals = workload.warmupIntervals + windowIntervals + workload.tailIntervals
      let requests = countRequests([])
      for (let index = 0; index < intervals; index++) {
        if (clock.now === windowStart) api.resetLog()
        const before = cpuMs()
        try {
          await advanceClock(clock, workload.intervalMs, { cpuDeadlineMs: before + workload.capMs })
        } catch (error) {
          if (error instanceof OverCapError) return overCap(size, windowIntervals, error.cpuMs - before)
          throw error
        }
        if (inWindow(clock.now)) cpuInWindow += cpuMs() - before
        if (clock.now === windowEnd) {
          requests = countRequests(api.log)
          // Jobs not refreshed since some point before the end: their gap is at least this long.
          for (const [id, last] of lastRefresh)
            if (windowEnd - last > (longest.get(id) ?? 0)) {
              longest.set(id, windowEnd - last)
              open.add(id)
            }
        }
      }
      const completed = [...completesAt].filter(([, at]) => inWindow(at))
      const gaps = [...longest.values()]
      const max = Math.max(...gaps)
      return {
        size,
        longestGaps: gaps,
        openGaps: open.size,
        longestIsOpen: [...open].some((id) => longest.get(id) === max),
        detections: completed.map(([id, at]) => (detectedAt.get(id) ?? clock.now) - at),
        undetected: completed.filter(([id]) => !detectedAt.has(id)).length,
        requests,
        windowIntervals,
        cpuPerInterval: cpuInWindow / windowIntervals,
      }
    } finally {
      tracker.dispose()
      // Requests it still had in flight settle on the fake clock, not on real timers after it is gone.
      await advanceClock(clock, workload.intervalMs)
    }
  } finally {
    clock.uninstall()
  }
}

function overCap(size: number, windowIntervals: number, spent: number): FleetRun {
  const requests = countRequests([])
  return {
    size,
    longestGaps: [],
    openGaps: 0,
    longestIsOpen: false,
    detections: [],
    undetected: 0,
    requests,
    windowIntervals,
    cpuPerInterval: Number.NaN,
    overCap: { cpuMs: spent },
  }
}
