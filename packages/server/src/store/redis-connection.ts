import { createHash } from 'node:crypto'
import { Redis } from 'ioredis'
import { StoreUnavailableError } from './ownership-store'

/** Where Redis is, and how long to wait for it. */
export interface RedisConnectionOptions {
  /** `redis://[[user]:password@]host[:port][/db]`, or `rediss://` for TLS. */
  readonly url: string
  /**
   * How long one operation waits for Redis (to connect, or to answer) before it fails with
   * {@link StoreUnavailableError}. Default 2,000 ms.
   */
  readonly timeoutMs?: number | undefined
}

/** The messages `ioredis` fails a command with when the connection, not the command, is at fault. */
const CONNECTION_FAILURE =
  /Command timed out|Connection is closed|Stream isn't writeable|Command aborted|max retries per request/i

/** One `ioredis` connection for a store or a lease set, failing fast and in one typed way when Redis is down. */
export interface RedisConnection {
  /** Runs `operation` once Redis is ready (waiting at most `timeoutMs`); a lost connection rejects typed. */
  run<T>(operation: (redis: Redis) => Promise<T>): Promise<T>
  /** Runs a Lua script by its SHA1, sending its text only when Redis does not know it yet. */
  script(redis: Redis, lua: string, keys: readonly string[], args: readonly string[]): Promise<unknown>
  close(): Promise<void>
}

export function redisConnection(options: RedisConnectionOptions): RedisConnection {
  const timeoutMs = options.timeoutMs ?? 2_000
  const where = redacted(options.url)
  const redis = new Redis(options.url, {
    // A command sent while disconnected fails at once instead of being queued to run after its caller
    // gave up (a claim landing after the relay answered 503).
    enableOfflineQueue: false,
    // Likewise a command in flight when the connection drops: it fails, it is not sent again later.
    maxRetriesPerRequest: 0,
    commandTimeout: timeoutMs,
    connectTimeout: timeoutMs,
    // Reconnect for as long as the process lives: the store is back as soon as Redis is.
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  })
  let lastFailure = 'not connected yet'
  // Without a listener ioredis prints every failed reconnect; the reason is kept for the next error instead.
  redis.on('error', (error: Error) => {
    lastFailure = error.message
  })
  let closed = false
  const unavailable = (reason: string) =>
    new StoreUnavailableError(
      `Redis at ${where} is unavailable (${reason}). Check that it is running and that the relay's url points to it.`,
    )

  /** Settles when the connection is next ready; one listener however many operations wait on it. */
  let reconnected: Promise<void> | undefined
  const ready = async (): Promise<void> => {
    if (closed) throw unavailable('this connection was closed')
    if (redis.status === 'ready') return
    reconnected ??= new Promise<void>((resolve) =>
      redis.once('ready', () => {
        reconnected = undefined
        resolve()
      }),
    )
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(unavailable(`no connection within ${timeoutMs} ms: ${lastFailure}`)),
        timeoutMs,
      )
    })
    try {
      await Promise.race([reconnected, timedOut])
    } finally {
      clearTimeout(timer)
    }
  }
  const shas = new Map<string, string>()

  return {
    async run(operation) {
      await ready()
      try {
        return await operation(redis)
      } catch (error) {
        if (
          error instanceof Error &&
          (error.name === 'MaxRetriesPerRequestError' || CONNECTION_FAILURE.test(error.message))
        )
          throw unavailable(error.message)
        throw error
      }
    },
    async script(client, lua, keys, args) {
      let sha = shas.get(lua)
      if (sha === undefined) shas.set(lua, (sha = createHash('sha1').update(lua).digest('hex')))
      try {
        return await client.evalsha(sha, keys.length, ...keys, ...args)
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error
        return client.eval(lua, keys.length, ...keys, ...args)
      }
    },
    async close() {
      if (closed) return
      closed = true
      // QUIT lets Redis finish what was sent; when it cannot be sent (Redis down), just drop the socket.
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}

/** The url without its password, for messages and logs. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the configured url'
  }
}
