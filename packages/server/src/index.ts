/**
 * `@vidjob/server`: the relay between browsers and a Videos API. It keeps the API key on the server,
 * serves exactly the API's routes scoped to the signed-in user, streams live jobs over Server-Sent Events
 * with one upstream poll per job, and verifies Standard Webhooks.
 *
 * @packageDocumentation
 * @module @vidjob/server
 */
export { createVideoRelay } from './relay'
export { toNodeHandler, type NodeHandlerOptions } from './node-handler'
export type {
  RelayEventsOptions,
  RelayLimits,
  RelayUser,
  RelayWebhookOptions,
  VideoRelay,
  VideoRelayOptions,
} from './options'
export {
  OwnershipConflictError,
  StoreUnavailableError,
  isLiveVideo,
  type OwnedPage,
  type OwnedPageQuery,
  type OwnedVideo,
  type OwnershipStore,
} from './store/ownership-store'
export { UnknownCursorError } from './store/page'
export { createMemoryStore } from './store/memory-store'
export { createSqliteStore, type SqliteStoreOptions } from './store/sqlite-store'
export { createRedisStore, type RedisStoreOptions } from './store/redis-store'
export type { RedisConnectionOptions } from './store/redis-connection'
export { createJobLeases, type JobLeases, type JobLeasesOptions } from './store/job-leases'
export type { RelayFleet } from './fleet/relay-fleet'
export type { RedisFleetOptions } from './fleet/redis-fleet'
export type { EventLog, LoggedEvent } from './events/event-log'
export type { SharedEventLog } from './events/redis-event-log'
