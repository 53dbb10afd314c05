import type { Video } from '@vidjob/core'
import type { Redis } from 'ioredis'
import type { RedisConnection } from '../store/redis-connection'
import type { EventLog, LoggedEvent } from './event-log'
import { KeyedSet } from './keyed-set'

/** How long one blocking read waits for news before it is sent again (with the streams of new viewers). */
const BLOCK_MS = 1_000
/** After a failed read (Redis down), how long to wait before the next. */
const RETRY_MS = 500

interface Subscriber {
  after: string
  readonly listener: (event: LoggedEvent) => void
}

/** An {@link EventLog} the instances of a relay share, with a close for its reader. */
export interface SharedEventLog extends EventLog {
  close(): void
}

/**
 * Job changes in one Redis Stream per user (`XADD … MAXLEN ~ maxLen`), so every instance that shares the
 * Redis hands every change to its own viewers of that user, and SSE ids are stream ids: a browser that
 * reconnects through the load balancer to another instance resumes there with `Last-Event-ID`. One
 * blocking `XREAD` per instance reads the streams of every user it has viewers of.
 */
export function createRedisEventLog(
  writer: RedisConnection,
  reader: RedisConnection,
  options: { readonly keyPrefix: string; readonly maxLen: number },
): SharedEventLog {
  const key = (ownerId: string) => `${options.keyPrefix}events:${ownerId}`
  const subscribers = new KeyedSet<Subscriber>()
  let closed = false
  let wake: (() => void) | undefined
  let readerId: number | undefined

  /** A new viewer's stream joins the read under way: it is interrupted and sent again. */
  const interrupt = () => {
    wake?.()
    if (readerId !== undefined)
      writer.run((redis) => redis.client('UNBLOCK', readerId as number)).catch(() => undefined)
  }

  const deliver = (ownerId: string, id: string, data: string) => {
    for (const subscriber of subscribers.of(ownerId)) {
      if (compareIds(id, subscriber.after) <= 0) continue
      subscriber.after = id
      subscriber.listener({ id, data })
    }
  }

  const readOnce = async (redis: Redis) => {
    const owners = subscribers.keys()
    readerId = Number(await redis.client('ID'))
    const cursors = owners.map((owner) => oldestCursor(subscribers.of(owner)))
    const answer = (await redis.xread(
      'COUNT',
      1_000,
      'BLOCK',
      BLOCK_MS,
      'STREAMS',
      ...owners.map(key),
      ...cursors,
    )) as [string, [string, string[]][]][] | null
    for (const [streamKey, entries] of answer ?? []) {
      const owner = streamKey.slice(key('').length)
      for (const [id, fields] of entries) deliver(owner, id, fields[1] ?? '{}')
    }
  }

  const loop = async () => {
    while (!closed) {
      if (subscribers.size === 0) {
        await new Promise<void>((resolve) => (wake = resolve))
        wake = undefined
        continue
      }
      try {
        await reader.run(readOnce)
      } catch {
        // Redis is down: the relay serves from memory meanwhile (live-jobs.ts); read again soon.
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
      }
    }
  }
  void loop()

  return {
    async publish(ownerId: string, video: Video) {
      await writer.run((redis) =>
        redis.xadd(key(ownerId), 'MAXLEN', '~', options.maxLen, '*', 'v', JSON.stringify(video)),
      )
    },
    head: (ownerId) =>
      writer.run(
        async (redis) => (await redis.xrevrange(key(ownerId), '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0',
      ),
    since: (ownerId, lastEventId) =>
      writer.run(async (redis) => {
        if (!/^\d+-\d+$/.test(lastEventId)) return 'reset'
        const info = await streamInfo(redis, key(ownerId))
        if (!info) return lastEventId === '0-0' ? [] : 'reset'
        if (!canResume(lastEventId, info)) return 'reset'
        const entries = await redis.xrange(key(ownerId), `(${lastEventId}`, '+')
        return entries.map(([id, fields]) => ({ id, data: fields[1] ?? '{}' }))
      }),
    subscribe(ownerId, after, listener) {
      const remove = subscribers.add(ownerId, { after, listener })
      interrupt()
      return remove
    },
    close() {
      closed = true
      subscribers.clear()
      interrupt()
    },
  }
}

/** What `XINFO STREAM` (Redis 7) says of a stream's ids: the newest given, and whether older ones are gone. */
interface StreamIds {
  readonly lastId: string
  /** The oldest id still kept. */
  readonly firstId: string
  /** Entries were trimmed (`MAXLEN`) or deleted: some ids before `firstId`, or up to `maxDeletedId`, are gone. */
  readonly trimmed: boolean
  readonly maxDeletedId: string
}

async function streamInfo(redis: Redis, streamKey: string): Promise<StreamIds | undefined> {
  let fields: unknown[]
  try {
    fields = (await redis.xinfo('STREAM', streamKey)) as unknown[]
  } catch (error) {
    if (error instanceof Error && /no such key/i.test(error.message)) return undefined
    throw error
  }
  const field = (name: string) => fields[fields.indexOf(name) + 1]
  return {
    lastId: String(field('last-generated-id') ?? '0-0'),
    firstId: String(field('recorded-first-entry-id') ?? '0-0'),
    trimmed: Number(field('entries-added')) > Number(field('length')),
    maxDeletedId: String(field('max-deleted-entry-id') ?? '0-0'),
  }
}

/** Whether every change after `lastEventId` is still in the stream, and the id is one it gave. */
function canResume(lastEventId: string, ids: StreamIds): boolean {
  if (compareIds(lastEventId, ids.lastId) > 0) return false
  if (compareIds(lastEventId, ids.maxDeletedId) < 0) return false
  // Trimmed from the head: the changes just after an id older than the oldest kept may be gone.
  return !ids.trimmed || compareIds(lastEventId, ids.firstId) >= 0
}

function oldestCursor(set: Iterable<Subscriber>): string {
  let oldest: string | undefined
  for (const { after } of set) if (oldest === undefined || compareIds(after, oldest) < 0) oldest = after
  return oldest ?? '$'
}

/** Orders stream ids (`<ms>-<seq>`). */
export function compareIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number)
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number)
  return aMs - bMs || aSeq - bSeq
}
