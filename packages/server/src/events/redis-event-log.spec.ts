import type { Video } from '@vidjob/core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startRedis, type TestRedis } from '../../test/redis-server'
import { video as videoOf } from '../../test/videos'
import { redisConnection, type RedisConnection } from '../store/redis-connection'
import type { LoggedEvent } from './event-log'
import { compareIds, createRedisEventLog, type SharedEventLog } from './redis-event-log'

let redis: TestRedis
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(() => redis.dispose())

describe('job changes in Redis Streams, one per user', { timeout: 15_000 }, () => {
  const open: { log: SharedEventLog; connections: RedisConnection[] }[] = []
  afterEach(async () => {
    for (const { log, connections } of open.splice(0)) {
      log.close()
      await Promise.all(connections.map((connection) => connection.close()))
    }
  })
  let n = 0
  /** One instance's log; instances made with the same `prefix` share the streams. */
  const instance = (prefix = `log-${++n}:`, maxLen = 1_000) => {
    const connections = [redisConnection({ url: redis.url }), redisConnection({ url: redis.url })]
    const log = createRedisEventLog(connections[0]!, connections[1]!, { keyPrefix: prefix, maxLen })
    open.push({ log, connections })
    return { log, prefix }
  }
  const video = (id: string, progress: number): Video => ({ ...videoOf(id), status: 'in_progress', progress })
  const progressOf = (events: readonly LoggedEvent[]) =>
    events.map((event) => (JSON.parse(event.data) as Video).progress)

  it('hands every instance its viewers’ changes in order, with stream ids, and nothing of other users', async () => {
    const { log: a, prefix } = instance()
    const { log: b } = instance(prefix)
    const head = await b.head('ann')
    expect(head).toBe('0-0')
    const seen: LoggedEvent[] = []
    const bobs: LoggedEvent[] = []
    b.subscribe('ann', head, (event) => seen.push(event))
    b.subscribe('bob', head, (event) => bobs.push(event))
    for (const progress of [10, 20, 30]) await a.publish('ann', video('video_a', progress))
    await expect.poll(() => seen.length).toBe(3)
    expect(progressOf(seen)).toEqual([10, 20, 30])
    expect(seen.every((event) => /^\d+-\d+$/.test(event.id))).toBe(true)
    expect([...seen].sort((x, y) => compareIds(x.id, y.id))).toEqual(seen)
    expect(bobs).toEqual([])
  })

  it('resumes after any id it gave, on any instance, and resets an id it cannot account for', async () => {
    const { log: a, prefix } = instance()
    const { log: b } = instance(prefix)
    for (const progress of [1, 2, 3, 4]) await a.publish('ann', video('video_a', progress))
    const all = await b.since('ann', '0-0')
    expect(all).not.toBe('reset')
    const events = all as LoggedEvent[]
    expect(progressOf((await b.since('ann', events[1]!.id)) as LoggedEvent[])).toEqual([3, 4])
    expect(await b.since('ann', events[3]!.id)).toEqual([])
    expect(await b.since('ann', 'garbage')).toBe('reset')
    // Past the newest id the stream ever gave: from another Redis, or from before it restarted empty.
    expect(await b.since('ann', '99999999999999-0')).toBe('reset')
    // A user with no stream yet: nothing to resume after its empty head, and nothing to account for otherwise.
    expect(await b.since('nobody', '0-0')).toEqual([])
    expect(await b.since('nobody', events[0]!.id)).toBe('reset')
  })

  it('resets an id whose successors were trimmed from the stream', async () => {
    const { log } = instance(undefined, 10)
    const first = await log.head('ann')
    for (let progress = 0; progress < 300; progress++)
      await log.publish('ann', video('video_a', progress % 100))
    expect(await log.since('ann', first)).toBe('reset')
    const head = await log.head('ann')
    expect(await log.since('ann', head)).toEqual([])
  })

  it('delivers to a viewer that subscribes from an older id what came after it, once', async () => {
    const { log } = instance()
    await log.publish('ann', video('video_a', 5))
    const after = await log.head('ann')
    await log.publish('ann', video('video_a', 6))
    await log.publish('ann', video('video_a', 7))
    const seen: LoggedEvent[] = []
    log.subscribe('ann', after, (event) => seen.push(event))
    await expect.poll(() => seen.length).toBe(2)
    await log.publish('ann', video('video_a', 8))
    await expect.poll(() => progressOf(seen)).toEqual([6, 7, 8])
  })
})
