import type { SharedEventLog } from '../events/redis-event-log'
import type { JobLeases } from '../store/job-leases'

/**
 * What relay instances that share a store coordinate through, besides ownership: who polls each live job
 * (a lease per job), where job changes go so every instance's viewers hear of them (a shared event log),
 * and the per-user create rate, counted once for the fleet. `createRedisStore` provides one.
 */
export interface RelayFleet {
  readonly leases: JobLeases
  readonly events: SharedEventLog
  /**
   * Counts one create of `userId` if fewer than `limit` were counted in the last `windowMs` (fleet-wide);
   * otherwise counts nothing and answers how many ms until one more is allowed.
   */
  admitCreate(userId: string, limit: number, windowMs: number): Promise<number | undefined>
  close(): Promise<void>
}
