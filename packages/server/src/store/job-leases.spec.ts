import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startRedis, type TestRedis } from '../../test/redis-server'
import { createJobLeases, type JobLeases } from './job-leases'
import { StoreUnavailableError } from './ownership-store'

/** Short enough to wait for in real time, long enough for a few round trips to a local Redis. */
const LEASE_MS = 300

let redis: TestRedis
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(() => redis.dispose())

describe('createJobLeases: two relay instances on one Redis', () => {
  let n = 0
  let a: JobLeases
  let b: JobLeases
  beforeEach(() => {
    const keyPrefix = `leases-${++n}:`
    a = createJobLeases({ url: redis.url, keyPrefix, leaseMs: LEASE_MS, owner: 'instance-a' })
    b = createJobLeases({ url: redis.url, keyPrefix, leaseMs: LEASE_MS, owner: 'instance-b' })
  })
  afterEach(async () => {
    await Promise.all([a.close(), b.close()])
  })

  it('gives each job to exactly one of them, even when both ask at once', async () => {
    const won = await Promise.all([a.acquire('job'), b.acquire('job')])
    expect(won.filter(Boolean)).toHaveLength(1)
    const holder = won[0] ? 'instance-a' : 'instance-b'
    expect(await a.holder('job')).toBe(holder)
    expect(await (won[0] ? a : b).acquire('job')).toBe(false)
    expect(await b.acquire('other')).toBe(true)
    expect(await a.holder('other')).toBe('instance-b')
  })

  it('lets only the holder renew or release', async () => {
    expect(await a.acquire('job')).toBe(true)
    expect(await b.renew('job')).toBe(false)
    await b.release('job')
    expect(await a.holder('job')).toBe('instance-a')
    expect(await a.renew('job')).toBe(true)
    await a.release('job')
    expect(await a.holder('job')).toBeUndefined()
    expect(await b.acquire('job')).toBe(true)
    expect(await a.renew('job')).toBe(false)
  })

  it('keeps a renewed lease past its first period, and hands it over within one period once renewals stop', async () => {
    expect(await a.acquire('job')).toBe(true)
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 3))
      expect(await a.renew('job')).toBe(true)
      expect(await b.acquire('job')).toBe(false)
    }
    // Instance a stops renewing (it died): b takes the job over within one lease period.
    const stopped = Date.now()
    await expect.poll(() => b.acquire('job'), { interval: 20, timeout: 4 * LEASE_MS }).toBe(true)
    const takeover = Date.now() - stopped
    // Not before the last renewal's period ran out (less a round trip), and soon after (plus scheduling slack).
    expect(takeover).toBeGreaterThanOrEqual(LEASE_MS - 100)
    expect(takeover).toBeLessThanOrEqual(LEASE_MS + 300)
    expect(await a.renew('job')).toBe(false)
    expect(await a.holder('job')).toBe('instance-b')
  })

  it('refuses a lease period that is not a positive whole number of milliseconds', () => {
    expect(() => createJobLeases({ url: redis.url, leaseMs: 0 })).toThrow(
      /leaseMs must be a positive whole number/,
    )
    expect(() => createJobLeases({ url: redis.url, leaseMs: 1.5 })).toThrow(TypeError)
  })

  it('rejects with StoreUnavailableError once closed', async () => {
    await a.close()
    await expect(a.acquire('job')).rejects.toBeInstanceOf(StoreUnavailableError)
  })
})
