import { createFetchTransport, type Video } from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startRedis, type TestRedis } from '../test/redis-server'
import { BASE, readEvents } from '../test/relay-harness'
import { createVideoRelay } from './relay'
import type { VideoRelay, VideoRelayOptions } from './options'
import { createJobLeases } from './store/job-leases'
import { createRedisStore } from './store/redis-store'

let redis: TestRedis
beforeAll(async () => {
  redis = await startRedis({ persist: true })
})
afterAll(() => redis.dispose())

/** Instances of one relay sharing Redis, in this process, on real timers (Redis is real). */
describe('a fleet of relay instances on one Redis', { timeout: 30_000 }, () => {
  const relays: VideoRelay[] = []
  const errors: unknown[] = []
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()))
    errors.length = 0
  })
  let n = 0
  const fleet = (
    size: number,
    mock: { queueMs: number; renderMs: number },
    relayOptions: Partial<VideoRelayOptions> = {},
  ) => {
    const api = createMockVideoApi({ ...mock, latencyMs: 5 })
    const keyPrefix = `fleet-spec-${++n}:`
    const instances = Array.from({ length: size }, () => {
      const relay = createVideoRelay({
        upstream: createFetchTransport({ baseURL: 'http://upstream.local/v1', fetch: api.fetch }),
        store: createRedisStore({ url: redis.url, keyPrefix, leaseMs: 1_000, timeoutMs: 300 }),
        authenticate: (request) => ({ id: request.headers.get('x-user') ?? 'nobody' }),
        limits: { liveJobsPerUser: 50, createsPerMinute: 3 },
        polling: { interval: 250 },
        onError: (error) => errors.push(error),
        ...relayOptions,
      })
      relays.push(relay)
      const send = (user: string, path: string, init: RequestInit = {}) => {
        const headers = new Headers(init.headers)
        headers.set('x-user', user)
        headers.set('content-type', 'application/json')
        return relay.handle(new Request(`${BASE}${path}`, { ...init, headers }))
      }
      return {
        relay,
        create: async (user: string, prompt: string) =>
          (await (
            await send(user, '/videos', { method: 'POST', body: JSON.stringify({ prompt }) })
          ).json()) as Video,
        send,
        events: async (user: string, lastEventId?: string) =>
          readEvents(
            await send(
              user,
              '/videos/events',
              lastEventId ? { headers: { 'last-event-id': lastEventId } } : {},
            ),
          ),
      }
    })
    return { api, instances, keyPrefix }
  }
  /** Reads what each stream has received, waiting at most 100 ms. */
  const pumpAll = (streams: readonly { pump(): Promise<boolean> }[]) =>
    Promise.race([
      Promise.all(streams.map((stream) => stream.pump())),
      new Promise((resolve) => setTimeout(resolve, 100)),
    ])
  const ended = (stream: { parsed: { event: string; data: string }[] }, id: string) =>
    videosOf(stream.parsed, id).some((video) => video.status === 'completed')
  const videosOf = (parsed: { event: string; data: string }[], id: string) =>
    parsed
      .filter((event) => event.event === 'video')
      .map((event) => JSON.parse(event.data) as Video)
      .filter((video) => video.id === id)

  it('streams a job created on one instance to viewers on the others, and resumes on any instance', async () => {
    const { instances } = fleet(3, { queueMs: 300, renderMs: 1_500 })
    const [a, b, c] = instances
    const onB = await b!.events('ann')
    await onB.until(1)
    const job = await a!.create('ann', 'made on a')
    await expect
      .poll(
        async () => (await onB.until(onB.parsed.length + 1), videosOf(onB.parsed, job.id).at(-1)?.status),
        { timeout: 10_000 },
      )
      .toBe('completed')
    const seen = onB.parsed.filter((event) => event.event === 'video')
    expect(seen.every((event) => /^\d+-\d+$/.test(event.id ?? ''))).toBe(true)
    // A browser that reconnects through the load balancer lands on c and resumes after its second event.
    await onB.cancel()
    const onC = await c!.events('ann', seen[1]!.id)
    const replay = await onC.until(seen.length - 1)
    expect(replay.map((event) => event.id)).toEqual([...seen.slice(2).map((event) => event.id), undefined])
    expect(replay.at(-1)?.event).toBe('ready')
    await onC.cancel()
    // Another user's stream heard nothing of it.
    const bob = await a!.events('bob')
    expect((await bob.until(1)).map((event) => event.event)).toEqual(['ready'])
    await bob.cancel()
  })

  it('polls each live job from one instance only, whichever instance its viewers and callers use', async () => {
    const { api, instances, keyPrefix } = fleet(3, { queueMs: 60_000, renderMs: 600_000 })
    // No list route: each poll is a retrieve of one job, so the log counts every job's polls.
    api.faults.add({ fault: { type: 'error', status: 404 }, endpoint: 'list' })
    const jobs = await Promise.all(instances.map((instance, i) => instance.create(`user${i}`, `job ${i}`)))
    // Every instance is asked about every job, and streams it: each would poll it if it could.
    const streams = await Promise.all(
      instances.flatMap((instance) => jobs.map((_, i) => instance.events(`user${i}`))),
    )
    for (const instance of instances)
      for (const [i, job] of jobs.entries())
        expect((await instance.send(`user${i}`, `/videos/${job.id}`)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 500))
    api.resetLog()
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    // One poller per job: about 2,500 ÷ 250 = 10 retrieves each in the window; three would make about 30.
    for (const job of jobs) {
      expect(api.count({ endpoint: 'retrieve', id: job.id })).toBeGreaterThanOrEqual(6)
      expect(api.count({ endpoint: 'retrieve', id: job.id })).toBeLessThanOrEqual(13)
    }
    const leases = createJobLeases({ url: redis.url, keyPrefix })
    const holders = await Promise.all(jobs.map((job) => leases.holder(job.id)))
    expect(holders.every((holder) => holder !== undefined)).toBe(true)
    await leases.close()
    await Promise.all(streams.map((stream) => stream.cancel()))
  })

  it('refetches once for a webhook any instance receives, however many deliver it, and tells every viewer', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const { api, instances } = fleet(
      2,
      { queueMs: 60_000, renderMs: 600_000 },
      { webhook: { secret }, polling: { interval: 120_000 } },
    )
    const [a, b] = instances
    const job = await a!.create('ann', 'finished by a webhook')
    const onB = await b!.events('ann')
    await onB.until(2)
    api.jobs.complete(job.id)
    const retrieves = api.count({ endpoint: 'retrieve' })
    const body = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      created_at: 0,
      type: 'video.completed',
      data: { id: job.id },
    })
    const at = new Date()
    const delivery = () =>
      new Request(`${BASE}/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': 'msg_fleet_1',
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': new Webhook(secret).sign('msg_fleet_1', at, body),
        },
        body,
      })
    // The sender retries on both instances (a timeout it saw): the second delivery is a duplicate.
    expect(await (await a!.relay.handle(delivery())).json()).toEqual({ received: true })
    expect(await (await b!.relay.handle(delivery())).json()).toEqual({ received: true, duplicate: true })
    expect(api.count({ endpoint: 'retrieve' })).toBe(retrieves + 1)
    await expect.poll(async () => (await pumpAll([onB]), ended(onB, job.id)), { timeout: 5_000 }).toBe(true)
    await onB.cancel()
  })

  it('counts creates per minute once for the fleet', async () => {
    const { instances } = fleet(3, { queueMs: 60_000, renderMs: 600_000 })
    for (const instance of instances) expect((await instance.create('ann', 'one each')).id).toMatch(/^video_/)
    const refused = await instances[0]!.send('ann', '/videos', {
      method: 'POST',
      body: JSON.stringify({ prompt: 'fourth' }),
    })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50)
    expect((await refused.json()).error.message).toMatch(/3 videos in the last minute/)
  })

  it('keeps polling and streaming from memory while Redis is down, and shares what it missed once it is back', async () => {
    const { api, instances } = fleet(2, { queueMs: 200, renderMs: 4_000 })
    const [a, b] = instances
    const job = await a!.create('ann', 'through an outage')
    const onA = await a!.events('ann')
    const onB = await b!.events('ann')
    await Promise.all([onA.until(1), onB.until(1)])
    await redis.stop()
    const polled = api.count({ endpoint: 'retrieve' }) + api.count({ endpoint: 'list' })
    try {
      // The instance that polls the job goes on, and its own viewers keep hearing of it (without ids).
      await expect
        .poll(async () => (await pumpAll([onA, onB]), [onA, onB].some((stream) => ended(stream, job.id))), {
          timeout: 10_000,
        })
        .toBe(true)
      expect(api.count({ endpoint: 'retrieve' }) + api.count({ endpoint: 'list' })).toBeGreaterThan(polled)
      // The instance that polls the job still serves it to its owner (from memory); the other cannot know
      // whose it is, and nobody else learns anything: 503.
      const statuses = await Promise.all(
        [a!, b!].map(async (instance) => (await instance.send('ann', `/videos/${job.id}`)).status),
      )
      expect(statuses.sort()).toEqual([200, 503])
      const holder = statuses[0] === 200 ? a! : b!
      expect((await holder.send('bob', `/videos/${job.id}`)).status).toBe(503)
      // Said once by each instance for the whole outage, however many writes failed.
      expect(errors.filter((error) => /shared store is down/.test(String(error)))).toHaveLength(2)
    } finally {
      await redis.start()
    }
    // Back: the other instance's viewers hear of the end too, through the shared stream.
    await expect
      .poll(async () => (await pumpAll([onA, onB]), ended(onA, job.id) && ended(onB, job.id)), {
        timeout: 10_000,
      })
      .toBe(true)
    // Whichever instance polls it now, every instance answers with the newest state any of them stored.
    expect((await (await a!.send('ann', `/videos/${job.id}`)).json()).status).toBe('completed')
    expect((await (await b!.send('ann', `/videos/${job.id}`)).json()).status).toBe('completed')
    await Promise.all([onA.cancel(), onB.cancel()])
  })
})
