import { randomUUID } from 'node:crypto'
import { createRedisEventLog } from '../events/redis-event-log'
import { createJobLeases } from '../store/job-leases'
import { redisConnection, type RedisConnection, type RedisConnectionOptions } from '../store/redis-connection'
import type { RelayFleet } from './relay-fleet'

/** Fleet settings of `createRedisStore`. */
export interface RedisFleetOptions extends RedisConnectionOptions {
  readonly keyPrefix: string
  /** How long a job's poll lease lasts unless renewed (see `createJobLeases`). Default 15,000 ms. */
  readonly leaseMs?: number | undefined
  /** About how many changes each user's stream keeps for `Last-Event-ID` resumes (`MAXLEN ~`). Default 1,000. */
  readonly eventsPerUser?: number | undefined
}

/**
 * KEYS: the user's create times. ARGV: now, window ms, limit, a unique member. A sliding window in one
 * step: answers -1 when the create is counted, else the ms until the oldest leaves the window.
 */
const ADMIT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(0, tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1]))
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return -1`

/** The {@link RelayFleet} of one instance on a Redis that the store shares: leases, streams, rates. */
export function createRedisFleet(connection: RedisConnection, options: RedisFleetOptions): RelayFleet {
  const { keyPrefix } = options
  const leases = createJobLeases({ ...options, keyPrefix })
  const reader = redisConnection(options)
  const events = createRedisEventLog(connection, reader, {
    keyPrefix,
    maxLen: options.eventsPerUser ?? 1_000,
  })
  return {
    leases,
    events,
    admitCreate: (userId, limit, windowMs) =>
      connection.run(async (redis) => {
        const now = Date.now()
        const args = [String(now), String(windowMs), String(limit), `${now}:${randomUUID()}`]
        const wait = Number(await connection.script(redis, ADMIT, [`${keyPrefix}creates:${userId}`], args))
        return wait < 0 ? undefined : wait
      }),
    async close() {
      events.close()
      await Promise.all([leases.close(), reader.close()])
    },
  }
}
