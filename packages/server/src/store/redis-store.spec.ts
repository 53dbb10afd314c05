import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startRedis, type TestRedis } from '../../test/redis-server'
import { describeOwnershipStore } from '../../test/store-contract'
import { video } from '../../test/videos'
import { OwnershipConflictError, StoreUnavailableError, type OwnershipStore } from './ownership-store'
import { createRedisStore } from './redis-store'

let redis: TestRedis
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(() => redis.dispose())
let n = 0
/** Each test its own key prefix: one Redis for the file, an empty store for each test. */
const fresh = (options: { timeoutMs?: number } = {}) =>
  createRedisStore({ url: redis.url, keyPrefix: `test-${++n}:`, ...options })

describeOwnershipStore('redis', () => fresh(), { clock: 'real' })

describe('createRedisStore', () => {
  const open: OwnershipStore[] = []
  const store = (prefix: string, options: { timeoutMs?: number } = {}) => {
    const created = createRedisStore({ url: redis.url, keyPrefix: prefix, ...options })
    open.push(created)
    return created
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((created) => created.close()))
  })

  it('is shared by every instance on the same Redis and prefix, and by none on another prefix', async () => {
    const prefix = `shared-${++n}:`
    const a = store(prefix)
    const b = store(prefix)
    const other = store(`other-${n}:`)
    await a.claim('ann', video('v', { status: 'in_progress', progress: 20 }))
    expect(await b.ownerOf('v')).toBe('ann')
    expect((await b.live()).map((row) => row.video.progress)).toEqual([20])
    await b.update(video('v', { status: 'completed', progress: 100 }))
    expect(await a.live()).toEqual([])
    expect(await other.ownerOf('v')).toBeUndefined()
    expect(await b.markWebhook('msg', Date.now() + 60_000)).toBe(true)
    expect(await a.markWebhook('msg', Date.now() + 60_000)).toBe(false)
  })

  it('lets exactly one of two instances claim the same id for different users', async () => {
    const prefix = `race-${++n}:`
    const results = await Promise.allSettled([
      store(prefix).claim('ann', video('v')),
      store(prefix).claim('bob', video('v')),
    ])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((result) => result.status === 'rejected')
    expect(refused?.reason).toBeInstanceOf(OwnershipConflictError)
  })

  it('rejects with StoreUnavailableError while Redis is down, and serves again once it is back', async () => {
    const prefix = `down-${++n}:`
    const shared = store(prefix, { timeoutMs: 300 })
    await shared.claim('ann', video('before'))
    await redis.stop()
    try {
      const failed = shared.claim('ann', video('during'))
      await expect(failed).rejects.toBeInstanceOf(StoreUnavailableError)
      await expect(failed).rejects.toThrow(/Redis at redis:\/\/127\.0\.0\.1:\d+\/? is unavailable/)
      await expect(shared.list('ann', { limit: 10, order: 'desc' })).rejects.toBeInstanceOf(
        StoreUnavailableError,
      )
      await expect(shared.markWebhook('msg', Date.now() + 60_000)).rejects.toBeInstanceOf(
        StoreUnavailableError,
      )
      // Many requests waiting out one outage share one wait for the connection (no listener leak warning).
      const warnings: Error[] = []
      const warned = (warning: Error) => warnings.push(warning)
      process.on('warning', warned)
      const waits = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => shared.ownerOf(`w${i}`)))
      await new Promise((resolve) => setImmediate(resolve))
      process.off('warning', warned)
      expect(
        waits.every((wait) => wait.status === 'rejected' && wait.reason instanceof StoreUnavailableError),
      ).toBe(true)
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning')
    } finally {
      await redis.start()
    }
    // The same store reconnects by itself (the test Redis comes back empty: it saves nothing).
    await expect
      .poll(() => shared.ownerOf('before').catch((error: Error) => error.name), { timeout: 3_000 })
      .toBe(undefined)
    await shared.claim('ann', video('after'))
    expect(await shared.ownerOf('after')).toBe('ann')
    expect(await shared.ownerOf('during')).toBeUndefined()
  })

  it('a store that never reached Redis fails within its timeout, naming the url without its password', async () => {
    const unreachable = createRedisStore({ url: 'redis://:hunter2@127.0.0.1:1', timeoutMs: 200 })
    open.push(unreachable)
    const failed = unreachable.ownerOf('v')
    await expect(failed).rejects.toBeInstanceOf(StoreUnavailableError)
    await expect(failed).rejects.toThrow(/redis:\/\/:\*\*\*@127\.0\.0\.1:1/)
    await expect(failed).rejects.not.toThrow(/hunter2/)
  })
})
