import { createFetchTransport } from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startRedis, type TestRedis } from '../test/redis-server'
import { BASE } from '../test/relay-harness'
import { createVideoRelay } from './relay'
import type { VideoRelay } from './options'
import { createRedisStore } from './store/redis-store'

let redis: TestRedis
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(() => redis.dispose())

describe('relay instances sharing one Redis store', () => {
  const relays: VideoRelay[] = []
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()))
  })
  // Real timers: the instances talk to a real Redis. Jobs render for minutes, so none ends mid-test.
  const api = createMockVideoApi({ queueMs: 60_000, renderMs: 600_000 })
  let n = 0
  const fleet = (size: number, options: { timeoutMs?: number } = {}) => {
    const keyPrefix = `fleet-${++n}:`
    return Array.from({ length: size }, () => {
      const relay = createVideoRelay({
        upstream: createFetchTransport({ baseURL: 'http://upstream.local/v1', fetch: api.fetch }),
        store: createRedisStore({ url: redis.url, keyPrefix, ...options }),
        authenticate: (request) => ({ id: request.headers.get('x-user') ?? 'nobody' }),
        limits: { liveJobsPerUser: 2, createsPerMinute: 100 },
        polling: { interval: 60_000 },
      })
      relays.push(relay)
      return (user: string, path: string, body?: unknown) =>
        relay.handle(
          new Request(`${BASE}${path}`, {
            method: body === undefined ? 'GET' : 'POST',
            headers: { 'x-user': user, 'content-type': 'application/json' },
            body: body === undefined ? null : JSON.stringify(body),
          }),
        )
    })
  }

  it("serves what one instance created from the others, to its owner only, with the owner's live-job limit fleet-wide", async () => {
    const [a, b] = fleet(2)
    const first = (await (await a!('ann', '/videos', { prompt: 'on a' })).json()) as { id: string }
    expect((await b!('ann', `/videos/${first.id}`)).status).toBe(200)
    expect((await b!('bob', `/videos/${first.id}`)).status).toBe(404)
    const list = (await (await b!('ann', '/videos')).json()) as { data: { id: string }[] }
    expect(list.data.map((video) => video.id)).toEqual([first.id])
    expect((await b!('ann', '/videos', { prompt: 'on b' })).status).toBe(200)
    // Two live jobs, one on each instance: a third is refused on either.
    const third = await a!('ann', '/videos', { prompt: 'third' })
    expect(third.status).toBe(429)
    expect((await third.json()).error.code).toBe('user_limit')
  })

  it('answers 503 store_unavailable while Redis is down, then serves again by itself', async () => {
    const [a] = fleet(1, { timeoutMs: 300 })
    const created = (await (await a!('ann', '/videos', { prompt: 'before' })).json()) as { id: string }
    const creates = api.count({ endpoint: 'create' })
    await redis.stop()
    try {
      const refused = await a!('ann', '/videos', { prompt: 'while down' })
      expect(refused.status).toBe(503)
      expect((await refused.json()).error.type).toBe('store_unavailable')
      // The job this instance polls is still served to its owner from memory (issue 17); others get 503.
      expect((await a!('ann', `/videos/${created.id}`)).status).toBe(200)
      expect((await a!('bob', `/videos/${created.id}`)).status).toBe(503)
      expect(api.count({ endpoint: 'create' })).toBe(creates)
    } finally {
      await redis.start()
    }
    // The test Redis restarts empty (it saves nothing), so the relay is back with an empty index.
    await expect.poll(async () => (await a!('ann', '/videos')).status, { timeout: 3_000 }).toBe(200)
    expect((await a!('ann', '/videos', { prompt: 'after' })).status).toBe(200)
  })
})
