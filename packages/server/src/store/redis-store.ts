import type { Video } from '@vidjob/core'
import type { Redis } from 'ioredis'
import {
  isLiveVideo,
  OwnershipConflictError,
  type OwnedPageQuery,
  type OwnedVideo,
  type OwnershipStore,
} from './ownership-store'
import { UnknownCursorError } from './page'
import { createRedisFleet, type RedisFleetOptions } from '../fleet/redis-fleet'
import { redisConnection } from './redis-connection'

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions extends Omit<RedisFleetOptions, 'keyPrefix'> {
  /** Prepended to every key, so several relays (or tests) can share one Redis. Default `'vidjob:'`. */
  readonly keyPrefix?: string | undefined
}

/*
 * Layout, under the key prefix:
 *   video:{id}   hash  owner, seq, created_at, live (0/1), deleted (0/1), video (JSON)
 *   seq          the order of claims (INCR), for ties of created_at
 *   owner:{user} sorted set of the user's undeleted videos, all at score 0, ordered by member
 *                `{created_at}:{seq}:{id}` (fixed width), so ZRANGE BYLEX pages them like page.ts
 *   live         set of the ids of undeleted live videos; live:{user} the same per user
 *   webhook:{id} a seen webhook id, expiring with it (SET NX PX)
 *   lease:{id}   the instance polling a live job (fleet/redis-fleet.ts); events:{user} the user's stream
 *   creates:{user} the user's create times in the last minute
 * A video's owner never changes once claimed (other users are refused, a deletion keeps it), so the
 * owner's keys can be read before a script that writes them. Each write is one Lua script, so a store
 * that fails mid-write leaves nothing half-written.
 */

/** KEYS: video, seq, owner index, live, live of owner. ARGV: owner, id, live, video JSON, created_at. */
const CLAIM = `
local owner = redis.call('HGET', KEYS[1], 'owner')
if owner and owner ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'deleted') == '1' then return 1 end
local seq = redis.call('HGET', KEYS[1], 'seq') or string.format('%016d', redis.call('INCR', KEYS[2]))
${writeVideo('ARGV[1]', 'ARGV[2]', 'ARGV[3]', 'ARGV[4]', 'ARGV[5]')}
return 1`

/** KEYS: video, seq, owner index, live, live of owner. ARGV: owner, id, live, video JSON, created_at. */
const UPDATE = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'deleted') == '1' then return 0 end
if redis.call('HGET', KEYS[1], 'live') == '0' and ARGV[3] == '1' then return 0 end
local seq = redis.call('HGET', KEYS[1], 'seq')
${writeVideo('ARGV[1]', 'ARGV[2]', 'ARGV[3]', 'ARGV[4]', 'ARGV[5]')}
return 1`

/** KEYS: video, seq (unused), owner index, live, live of owner. ARGV: id. */
const REMOVE = `
local row = redis.call('HMGET', KEYS[1], 'created_at', 'seq')
if not row[2] then return 0 end
redis.call('ZREM', KEYS[3], row[1] .. ':' .. row[2] .. ':' .. ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
redis.call('SREM', KEYS[5], ARGV[1])
redis.call('HSET', KEYS[1], 'deleted', '1', 'live', '0')
return 1`

/** The Lua that writes a video's hash and indexes, with `seq` a local of the calling script. */
function writeVideo(owner: string, id: string, live: string, json: string, createdAt: string): string {
  return `
local previous = redis.call('HGET', KEYS[1], 'created_at')
if previous and previous ~= ${createdAt} then redis.call('ZREM', KEYS[3], previous .. ':' .. seq .. ':' .. ${id}) end
redis.call('HSET', KEYS[1], 'owner', ${owner}, 'seq', seq, 'created_at', ${createdAt}, 'live', ${live}, 'deleted', '0', 'video', ${json})
redis.call('ZADD', KEYS[3], 0, ${createdAt} .. ':' .. seq .. ':' .. ${id})
if ${live} == '1' then
  redis.call('SADD', KEYS[4], ${id})
  redis.call('SADD', KEYS[5], ${id})
else
  redis.call('SREM', KEYS[4], ${id})
  redis.call('SREM', KEYS[5], ${id})
end`
}

/** Fixed width, so the lexical order of index members is the numeric order (and seq pads the same way). */
const WIDTH = 16

/**
 * An {@link OwnershipStore} in Redis (through `ioredis`), shared by every relay instance that points at
 * the same Redis: what one instance claims, the others list and guard. It coordinates the fleet too
 * (`store.fleet`): one instance polls each live job (a lease per job), job changes go to a Redis Stream per
 * user that every instance reads for its viewers (SSE ids are stream ids), creates per minute are counted
 * once for all. Deleted videos keep their cursor
 * place as the other stores do; webhook ids expire in Redis itself (`SET NX PX`). Meant for one Redis
 * server (or a primary with replicas), not Redis Cluster: a write touches several keys in one script.
 *
 * When Redis cannot be reached, every operation waits for it at most `timeoutMs`, then rejects with a
 * {@link StoreUnavailableError} (the relay answers 503); nothing is queued to run later.
 *
 * @example
 * const relay = createVideoRelay({ upstream, authenticate, store: createRedisStore({ url: 'redis://127.0.0.1:6379' }) })
 */
export function createRedisStore(options: RedisStoreOptions): OwnershipStore {
  const prefix = options.keyPrefix ?? 'vidjob:'
  const connection = redisConnection(options)
  const fleet = createRedisFleet(connection, { ...options, keyPrefix: prefix })
  const key = {
    video: (id: string) => `${prefix}video:${id}`,
    owner: (ownerId: string) => `${prefix}owner:${ownerId}`,
    live: (ownerId?: string) => (ownerId === undefined ? `${prefix}live` : `${prefix}live:${ownerId}`),
  }
  const keysOf = (id: string, ownerId: string) => [
    key.video(id),
    `${prefix}seq`,
    key.owner(ownerId),
    key.live(),
    key.live(ownerId),
  ]
  const argsOf = (ownerId: string, video: Video) => [
    ownerId,
    video.id,
    isLiveVideo(video) ? '1' : '0',
    JSON.stringify(video),
    pad(video.created_at),
  ]
  /** The owner of a row, deleted or not (owners never change, so this may be read before a write). */
  const ownerOfRow = (redis: Redis, id: string) => redis.hget(key.video(id), 'owner')
  const readRows = async (redis: Redis, ids: readonly string[]): Promise<OwnedVideo[]> => {
    const pipeline = redis.pipeline()
    for (const id of ids) pipeline.hmget(key.video(id), 'owner', 'deleted', 'video')
    const rows = (await pipeline.exec()) ?? []
    return rows.flatMap(([error, row]) => {
      if (error) throw error
      const [ownerId, deleted, json] = row as [string | null, string | null, string | null]
      if (ownerId === null || deleted === '1' || json === null) return []
      return [{ ownerId, video: JSON.parse(json) as Video }]
    })
  }

  return {
    claim: (ownerId, video) =>
      connection.run(async (redis) => {
        const claimed = await connection.script(
          redis,
          CLAIM,
          keysOf(video.id, ownerId),
          argsOf(ownerId, video),
        )
        if (claimed === 0) throw new OwnershipConflictError(`Video ${video.id} has an owner.`)
      }),
    ownerOf: (id) =>
      connection.run(async (redis) => {
        const [ownerId, deleted] = await redis.hmget(key.video(id), 'owner', 'deleted')
        return deleted === '1' ? undefined : (ownerId ?? undefined)
      }),
    get: (id) => connection.run(async (redis) => (await readRows(redis, [id]))[0]),
    update: (video) =>
      connection.run(async (redis) => {
        const ownerId = await ownerOfRow(redis, video.id)
        if (ownerId !== null)
          await connection.script(redis, UPDATE, keysOf(video.id, ownerId), argsOf(ownerId, video))
      }),
    remove: (id) =>
      connection.run(async (redis) => {
        const ownerId = await ownerOfRow(redis, id)
        if (ownerId !== null) await connection.script(redis, REMOVE, keysOf(id, ownerId), [id])
      }),
    list: (ownerId: string, query: OwnedPageQuery) =>
      connection.run(async (redis) => {
        let start = query.order === 'asc' ? '-' : '+'
        if (query.after !== undefined) {
          const [owner, createdAt, seq] = await redis.hmget(
            key.video(query.after),
            'owner',
            'created_at',
            'seq',
          )
          if (owner !== ownerId || createdAt === null || seq === null)
            throw new UnknownCursorError(query.after)
          // Exclusive of the cursor: the cursor's own member may be gone (deleted), its place is not.
          start = `(${createdAt}:${seq}:${query.after}`
        }
        const end = query.order === 'asc' ? '+' : '-'
        const range = [
          'BYLEX',
          ...(query.order === 'desc' ? ['REV'] : []),
          'LIMIT',
          '0',
          String(query.limit + 1),
        ]
        const members = await redis.call('ZRANGE', key.owner(ownerId), start, end, ...range)
        const ids = (members as string[]).map((member) => member.slice(2 * (WIDTH + 1)))
        // A row deleted between the two reads is left out: the page is shorter, never wrong.
        const rows = await readRows(redis, ids.slice(0, query.limit))
        return { videos: rows.map((row) => row.video), hasMore: ids.length > query.limit }
      }),
    live: (ownerId?: string) =>
      connection.run(async (redis) => readRows(redis, await redis.smembers(key.live(ownerId)))),
    markWebhook: (id, expiresAt) =>
      connection.run(async (redis) => {
        const ttl = Math.ceil(expiresAt - Date.now())
        // Already expired: there is nothing to remember it for, and a replay of it is as good as new.
        if (ttl <= 0) return true
        return (await redis.set(`${prefix}webhook:${id}`, '1', 'PX', ttl, 'NX')) === 'OK'
      }),
    fleet,
    close: async () => {
      await fleet.close()
      await connection.close()
    },
  }
}

/** A non-negative integer (`created_at`, `seq`) at a fixed width, so its lexical order is its numeric one. */
function pad(value: number): string {
  return String(Math.max(0, Math.trunc(value))).padStart(WIDTH, '0')
}
