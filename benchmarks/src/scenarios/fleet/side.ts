import { createMockVideoApi, type MockVideoApi } from '@vidjob/mock-api'
import { createJobLeases } from '@vidjob/server'
import { startInstance, type FleetInstance } from '../../../../packages/server/test/fleet-harness'
import type { TestRedis } from '../../../../packages/server/test/redis-server'
import { runChild } from '../../child-process'
import { until } from '../fanout/upstream'
import type { SideRun } from '../fanout/sides'
import type { ViewersResult } from '../fanout/viewers'
import { jobsOf, type FanoutWorkload } from '../fanout/workload'

/** What one fleet size measured: the fan-out's figures, and the fleet's. */
export interface FleetRun extends Pick<
  SideRun,
  'steadyPolls' | 'windowMs' | 'completedSeen' | 'completesAt'
> {
  readonly instances: number
  readonly opened: number
  /** How many of the jobs' poll leases each instance held in the steady window. */
  readonly leases: readonly number[]
}

/**
 * `instances` relay processes (test/fleet-instance.ts of @vidjob/server: a Redis store, the workload's
 * fixed interval, a 5 s lease) in front of one mock. Every job is created through the instances in turn,
 * as a load balancer spreads creates, so each instance polls the jobs created through it; the viewers'
 * streams are spread over the instances from a child process.
 *
 * @example const run = await measureFleet(fanoutWorkload(true), 2, redis, 'bench-1:')
 */
export async function measureFleet(
  workload: FanoutWorkload,
  instances: number,
  redis: TestRedis,
  keyPrefix: string,
): Promise<FleetRun> {
  const completesAt: Record<string, number> = {}
  const startedAt = Date.now()
  // Every job renders from steady.from at the latest and completes after steady.to, however long the creates take.
  const steady = {
    from: startedAt + CREATE_BUDGET_MS + workload.connectMs,
    to: startedAt + CREATE_BUDGET_MS + workload.connectMs + workload.steadyMs,
  }
  const api = scheduledMock(workload, steady.to, completesAt)
  const upstream = await api.listen(0, '127.0.0.1')
  const env = {
    FLEET_REDIS_URL: redis.url,
    FLEET_KEY_PREFIX: keyPrefix,
    FLEET_LEASE_MS: '5000',
    FLEET_UPSTREAM_URL: upstream.url,
    FLEET_INTERVAL_MS: String(workload.intervalMs),
  }
  const fleet: FleetInstance[] = await Promise.all(
    Array.from({ length: instances }, () => startInstance(env)),
  )
  const ids: string[] = []
  for (let index = 0; index < jobsOf(workload); index++) {
    const response = await fetch(`${fleet[index % instances]!.base}/videos`, {
      method: 'POST',
      headers: { 'x-user': `user-${index % workload.users}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: `fleet ${index}` }),
    })
    ids.push(((await response.json()) as { id: string }).id)
  }
  if (Date.now() > startedAt + CREATE_BUDGET_MS)
    throw new Error(
      `Creating the jobs took over ${CREATE_BUDGET_MS} ms: the steady window would not be steady.`,
    )
  const endAt = steady.to + workload.completionSpreadMs + 1.5 * workload.intervalMs + 300
  const viewers = runChild<ViewersResult>('src/scenarios/fanout/viewers.ts', [
    fleet.map((instance) => instance.base.replace(/\/api\/videos\/v1$/, '')).join(','),
    String(workload.users),
    String(workload.viewersPerUser),
    String(endAt),
  ])
  await until(steady.from)
  const leases = await leasesHeld(redis, keyPrefix, ids, fleet)
  await until(steady.to)
  const steadyPolls = api.log.filter(
    (entry) =>
      (entry.endpoint === 'retrieve' || entry.endpoint === 'list') &&
      entry.receivedAt >= steady.from &&
      entry.receivedAt < steady.to,
  ).length
  const seen = await viewers
  await Promise.all(fleet.map((instance) => instance.stop()))
  await upstream.close()
  return {
    instances,
    steadyPolls,
    windowMs: steady.to - steady.from,
    completedSeen: seen.completedSeen,
    completesAt,
    opened: seen.opened,
    leases,
  }
}

/** How long creating every job through the fleet may take (the instances start before it). */
const CREATE_BUDGET_MS = 8_000

/**
 * A mock whose jobs stay queued `connectMs` after they are made (the viewers connect meanwhile), render
 * through the steady window, and complete one after another over the spread after `renderedBy`, in the
 * order they were made; `completesAt` gets each job's end.
 */
function scheduledMock(
  workload: FanoutWorkload,
  renderedBy: number,
  completesAt: Record<string, number>,
): MockVideoApi {
  let made = 0
  return createMockVideoApi({
    latencyMs: workload.latencyMs,
    queueMs: workload.connectMs,
    renderMs: (job) => {
      const endsAt = renderedBy + (workload.completionSpreadMs * (made++ + 0.5)) / jobsOf(workload)
      completesAt[job.id] = endsAt
      return endsAt - Date.now() - workload.connectMs
    },
  })
}

async function leasesHeld(
  redis: TestRedis,
  keyPrefix: string,
  ids: readonly string[],
  fleet: readonly FleetInstance[],
): Promise<number[]> {
  const leases = createJobLeases({ url: redis.url, keyPrefix })
  const holders = await Promise.all(ids.map((id) => leases.holder(id)))
  await leases.close()
  return fleet.map((instance) => holders.filter((holder) => holder === instance.owner).length)
}
