import { randomUUID } from 'node:crypto'
import { redisConnection, type RedisConnectionOptions } from './redis-connection'

/** Options of {@link createJobLeases}. */
export interface JobLeasesOptions extends RedisConnectionOptions {
  /** Prepended to every key, as the store's `keyPrefix`. Default `'vidjob:'`. */
  readonly keyPrefix?: string | undefined
  /**
   * How long a lease lasts unless renewed: when its holder stops (a crash, a deploy), another instance
   * can take the job within this long. Default 15,000 ms.
   */
  readonly leaseMs?: number | undefined
  /** This instance's name in the leases it holds. Default a random UUID (unique per process). */
  readonly owner?: string | undefined
}

/**
 * Per-job poll leases in Redis, so that exactly one relay instance polls each live job: an instance
 * `acquire`s a job's lease before polling it, `renew`s it while it polls (well within `leaseMs`), and
 * `release`s it once the job ended. Only the holder can renew or release a lease; one that is not renewed
 * expires in Redis, and the next `acquire` from any instance takes the job over.
 *
 * @example
 * const leases = createJobLeases({ url: 'redis://127.0.0.1:6379', leaseMs: 15_000 })
 * if (await leases.acquire(video.id)) startPolling(video.id) // renew every 5 s, release when it ends
 */
export interface JobLeases {
  /** The name this instance holds its leases under. */
  readonly owner: string
  readonly leaseMs: number
  /** Takes the job's lease if nobody holds it (`SET NX PX`); false while anyone holds it, this instance too. */
  acquire(id: string): Promise<boolean>
  /** Extends the lease by `leaseMs` if this instance still holds it; false once it was lost (expired, taken). */
  renew(id: string): Promise<boolean>
  /** Gives the lease up if this instance holds it, so another instance may take the job at once. */
  release(id: string): Promise<void>
  /** Who holds the job's lease now, if anyone. */
  holder(id: string): Promise<string | undefined>
  /** Closes the connection; leases still held expire on their own. */
  close(): Promise<void>
}

/** KEYS: the lease. ARGV: owner, lease ms. Compare and extend in one step, so a lease taken over stays taken. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`

/** KEYS: the lease. ARGV: owner. Compare and delete in one step, for the same reason. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`

/** Opens the {@link JobLeases} of one relay instance on a Redis shared with the others. */
export function createJobLeases(options: JobLeasesOptions): JobLeases {
  const leaseMs = options.leaseMs ?? 15_000
  if (!Number.isInteger(leaseMs) || leaseMs <= 0)
    throw new TypeError(`leaseMs must be a positive whole number of milliseconds, got ${leaseMs}.`)
  const prefix = options.keyPrefix ?? 'vidjob:'
  const owner = options.owner ?? randomUUID()
  const connection = redisConnection(options)
  const key = (id: string) => `${prefix}lease:${id}`
  return {
    owner,
    leaseMs,
    acquire: (id) =>
      connection.run(async (redis) => (await redis.set(key(id), owner, 'PX', leaseMs, 'NX')) === 'OK'),
    renew: (id) =>
      connection.run(
        async (redis) => (await connection.script(redis, RENEW, [key(id)], [owner, String(leaseMs)])) === 1,
      ),
    release: (id) =>
      connection.run(async (redis) => {
        await connection.script(redis, RELEASE, [key(id)], [owner])
      }),
    holder: (id) => connection.run(async (redis) => (await redis.get(key(id))) ?? undefined),
    close: () => connection.close(),
  }
}
