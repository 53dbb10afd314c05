import { createMockVideoApi, type MockServer, type MockVideoApi } from '@vidjob/mock-api'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FleetViewer, startInstance, type FleetInstance } from '../test/fleet-harness'
import { startRedis, type TestRedis } from '../test/redis-server'
import { createJobLeases } from './store/job-leases'

const USERS = 10
const JOBS_PER_USER = 5
const VIEWERS_PER_USER = 30
const INSTANCES = 3
const INTERVAL_MS = 1_000
const LEASE_MS = 2_000

/**
 * Three relay processes on loopback share one Redis in front of the mock API: 300 viewers (30 for each of
 * 10 users) spread over them watch 50 jobs. Real processes, real Redis, real time: about 20 s per test.
 */
describe('a fleet of three relay processes', { timeout: 90_000 }, () => {
  let redis: TestRedis
  let api: MockVideoApi
  let upstream: MockServer
  let instances: FleetInstance[]
  let viewers: FleetViewer[]
  let n = 0

  beforeEach(async () => {
    redis = await startRedis({ persist: true })
    // Jobs render for 12 s after 1 s in the queue; no list route, so each poll is one job's retrieve.
    api = createMockVideoApi({ queueMs: 1_000, renderMs: 12_000, latencyMs: 20, failRate: 0 })
    api.faults.add({ fault: { type: 'error', status: 404 }, endpoint: 'list' })
    upstream = await api.listen(0, '127.0.0.1')
    const env = {
      FLEET_REDIS_URL: redis.url,
      FLEET_KEY_PREFIX: `fleet-${++n}:`,
      FLEET_LEASE_MS: String(LEASE_MS),
      FLEET_UPSTREAM_URL: upstream.url,
      FLEET_INTERVAL_MS: String(INTERVAL_MS),
    }
    instances = await Promise.all(Array.from({ length: INSTANCES }, () => startInstance(env)))
    viewers = Array.from(
      { length: USERS * VIEWERS_PER_USER },
      (_, i) => new FleetViewer(`user${i % USERS}`, () => instances, i),
    )
    viewers.forEach((viewer) => viewer.start())
    await until(() => viewers.every((viewer) => viewer.opened), 20_000)
  })

  afterEach(async () => {
    viewers.forEach((viewer) => viewer.stop())
    await Promise.all(instances.map((instance) => instance.stop()))
    await upstream.close()
    await redis.dispose()
  })

  /** 50 jobs, created through the instances in turn. */
  const createJobs = async (): Promise<Map<string, string[]>> => {
    const jobsOf = new Map<string, string[]>()
    for (let i = 0; i < USERS * JOBS_PER_USER; i++) {
      const user = `user${i % USERS}`
      const response = await fetch(`${instances[i % INSTANCES]!.base}/videos`, {
        method: 'POST',
        headers: { 'x-user': user, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: `job ${i}` }),
      })
      expect(response.status).toBe(200)
      const { id } = (await response.json()) as { id: string }
      jobsOf.set(user, [...(jobsOf.get(user) ?? []), id])
    }
    return jobsOf
  }

  /** Every viewer saw every job of its user end. */
  const allEnded = (jobsOf: Map<string, string[]>) =>
    viewers.every((viewer, i) => (jobsOf.get(`user${i % USERS}`) ?? []).every((id) => viewer.ended.has(id)))

  /** Each job's retrieves per interval of its life (creation to completion), from the mock's log. */
  const pollsPerJob = (ids: readonly string[]): number[] =>
    ids.map((id) => {
      const video = api.jobs.get(id)
      const lifeMs = ((video?.completed_at ?? 0) - (video?.created_at ?? 0)) * 1000
      return api.count({ endpoint: 'retrieve', id }) / (lifeMs / INTERVAL_MS)
    })

  /** The longest wait between two polls of any one job, from the mock's log. */
  const longestGap = (ids: readonly string[]): number =>
    Math.max(
      ...ids.map((id) => {
        const times = api.log
          .filter((entry) => entry.endpoint === 'retrieve' && entry.id === id)
          .map((entry) => entry.receivedAt)
        return Math.max(0, ...times.slice(1).map((at, i) => at - times[i]!))
      }),
    )

  /** The most retrieves per live job in any interval between `from` and `to`. */
  const peakPolls = (from: number, to: number): number => {
    let peak = 0
    for (let start = from; start + INTERVAL_MS <= to; start += INTERVAL_MS) {
      const end = start + INTERVAL_MS
      const live = api.jobs.all().filter((video) => (video.completed_at ?? Infinity) * 1000 > end).length
      const polls = api.log.filter(
        (entry) => entry.endpoint === 'retrieve' && entry.receivedAt >= start && entry.receivedAt < end,
      ).length
      if (live > 0) peak = Math.max(peak, polls / live)
    }
    return peak
  }

  it('loses no terminal event and keeps one poller per job when the instance holding the most leases dies', async () => {
    const jobsOf = await createJobs()
    const created = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 4_000))
    const leases = createJobLeases({ url: redis.url, keyPrefix: `fleet-${n}:` })
    const holders = await Promise.all([...jobsOf.values()].flat().map((id) => leases.holder(id)))
    await leases.close()
    const held = instances.map((instance) => holders.filter((owner) => owner === instance.owner).length)
    expect(held.reduce((a, b) => a + b, 0)).toBe(USERS * JOBS_PER_USER)
    const victim = instances[held.indexOf(Math.max(...held))]!
    const killedAt = Date.now()
    victim.kill()
    await until(() => allEnded(jobsOf), 40_000)
    const rates = pollsPerJob([...jobsOf.values()].flat())
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length
    // From the kill until well after the leases it held expired and were taken over.
    const peak = peakPolls(killedAt - INTERVAL_MS, killedAt + 3 * LEASE_MS)
    const gap = longestGap([...jobsOf.values()].flat())
    console.info(
      `fleet failover: longest wait between two polls of a job ${gap} ms; killed an instance holding ${Math.max(...held)} of 50 leases ${killedAt - created} ms in; retrieves per job per interval of its life: mean ${mean.toFixed(2)}, most ${Math.max(...rates).toFixed(2)}; peak per live job in an interval around the takeover ${peak.toFixed(2)}; viewer reconnects ${viewers.reduce((sum, viewer) => sum + viewer.reconnects, 0)}`,
    )
    expect(api.count({ endpoint: 'create' })).toBe(USERS * JOBS_PER_USER)
    expect(viewers.every((viewer) => viewer.resets === 0)).toBe(true)
    expect(mean).toBeLessThanOrEqual(1.2)
    expect(Math.max(...rates)).toBeLessThanOrEqual(1.5)
    expect(peak).toBeLessThanOrEqual(2)
    // Taken over within a lease period and a quarter of the last renewal, then polled at once (measured
    // 3.6–3.9 s; the slack is for a loaded CI machine). Never taken over, its jobs would not end at all.
    expect(gap).toBeLessThanOrEqual(LEASE_MS * 1.25 + 2 * INTERVAL_MS + 1_000)
  })

  it('loses no terminal event when Redis restarts mid-run', async () => {
    const jobsOf = await createJobs()
    await new Promise((resolve) => setTimeout(resolve, 4_000))
    await redis.stop()
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    await redis.start()
    await until(() => allEnded(jobsOf), 40_000)
    expect(api.count({ endpoint: 'create' })).toBe(USERS * JOBS_PER_USER)
    expect(viewers.every((viewer) => viewer.resets === 0)).toBe(true)
  })
})

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Not reached within ${timeoutMs} ms.`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
