import { createFetchTransport } from '@vidjob/core'
import { installFakeClock } from '../../fake-clock'
import { seedPopulation } from '../../population'
import { TRACKERS, type TrackerName } from '../../trackers'
import { advanceClock } from '../../virtual-time'
import type { FreshnessWorkload } from './workload'

/** One side over the single-job runs. */
export interface SingleJobRun {
  readonly jobs: number
  /** ms from each job's server-side completion to its observer showing it. */
  readonly detections: readonly number[]
  /** Every request the side sent, over every run, from subscription to detection. */
  readonly requests: number
  readonly undetected: number
}

const BASE_URL = 'http://mock.local/v1'
/** How long after its completion a job may go unshown before the run gives up on it. */
const GIVE_UP_MS = 5 * 60_000

/**
 * One job at a time, alone on its own mock (150 ms per answer, queue 2 s, 1–5 minutes of rendering from
 * the start, seeded per run) and watched by one observer of a fresh client, from creation until the
 * observer shows the job completed.
 *
 * @example const run = await measureSingleJobs('vidjob', freshnessWorkload(false))
 */
export async function measureSingleJobs(
  name: TrackerName,
  workload: FreshnessWorkload,
): Promise<SingleJobRun> {
  const detections: number[] = []
  let requests = 0
  let undetected = 0
  for (let run = 0; run < workload.singleJobs; run++) {
    const clock = installFakeClock()
    try {
      const timing = { ...workload.timing, maxAgeMs: 0, seed: workload.timing.seed + run }
      const { api, ids, completesAt } = seedPopulation(clock, 1, timing)
      const id = ids[0] as string
      const tracker = TRACKERS[name](
        createFetchTransport({ baseURL: BASE_URL, fetch: api.fetch }),
        workload.intervalMs,
      )
      let shownAt: number | undefined
      const stop = tracker.watch(id, () => (shownAt = clock.now))
      const completedAt = completesAt.get(id) as number
      while (shownAt === undefined && clock.now < completedAt + GIVE_UP_MS) await advanceClock(clock, 1_000)
      stop()
      tracker.dispose()
      await advanceClock(clock, workload.intervalMs)
      requests += api.log.filter((entry) => entry.receivedAt <= (shownAt ?? clock.now)).length
      if (shownAt === undefined) undetected++
      detections.push((shownAt ?? clock.now) - completedAt)
    } finally {
      clock.uninstall()
    }
  }
  return { jobs: workload.singleJobs, detections, requests, undetected }
}
