import type { Video } from '@vidjob/core'
import type { RelayFleet } from '../fleet/relay-fleet'

/** One page of a user's videos, in the API's cursor order. */
export interface OwnedPage {
  readonly videos: readonly Video[]
  /** More videos follow the last one of this page. */
  readonly hasMore: boolean
}

/** The query of {@link OwnershipStore.list}: the spec's `after`, `limit` and `order`. */
export interface OwnedPageQuery {
  /** The id of a video of this user from a previous page (deleted ones keep their place). */
  readonly after?: string | undefined
  readonly limit: number
  readonly order: 'asc' | 'desc'
}

/** A video the relay keeps: who owns it, and its last known state. */
export interface OwnedVideo {
  readonly ownerId: string
  readonly video: Video
}

/**
 * Where the relay records who created each video and the video's last known state, so that every route
 * can be scoped to its owner and a restart loses nothing. Every method is async, so a shared store
 * (Redis, a SQL server) fits the same interface; `createMemoryStore`, `createSqliteStore` and
 * `createRedisStore` pass the same contract suite.
 */
export interface OwnershipStore {
  /** Records a video created (or remixed) by `ownerId`. Claiming an id owned by someone else is refused. */
  claim(ownerId: string, video: Video): Promise<void>
  /** The owner of a video, or undefined when the relay never created it (or it was deleted). */
  ownerOf(id: string): Promise<string | undefined>
  /** The last known state of an owned video (deleted ones answer undefined). */
  get(id: string): Promise<OwnedVideo | undefined>
  /**
   * Replaces the last known state of an owned video; an unknown or deleted id is left alone, and so is an
   * ended video given a live state (in a fleet, an instance that saw an older state must not undo an end).
   */
  update(video: Video): Promise<void>
  /** Forgets a deleted video; its id keeps its place as a cursor, and is never listed or owned again. */
  remove(id: string): Promise<void>
  /** One page of a user's videos, newest first for `desc`, by `created_at` then the order of claims. */
  list(ownerId: string, query: OwnedPageQuery): Promise<OwnedPage>
  /** Every video not yet completed or failed (to poll after a restart), or only those of `ownerId`. */
  live(ownerId?: string): Promise<readonly OwnedVideo[]>
  /**
   * Records a webhook id until `expiresAt` (ms epoch); true the first time, false for a replay. Expired
   * ids may be forgotten.
   */
  markWebhook(id: string, expiresAt: number): Promise<boolean>
  /** Releases the store's resources (a file handle, a connection). */
  close(): Promise<void>
  /**
   * A store that several relay instances share coordinates them too: one poller per job across the fleet,
   * job changes heard by every instance's viewers, per-user rates counted once. Absent for one instance.
   */
  readonly fleet?: RelayFleet | undefined
}

/** A status after which a video never changes again. */
export function isLiveVideo(video: Video): boolean {
  return video.status === 'queued' || video.status === 'in_progress'
}

/** Thrown by {@link OwnershipStore.claim} when the id already belongs to another user. */
export class OwnershipConflictError extends Error {
  override name = 'OwnershipConflictError'
}

/**
 * Thrown by a shared store that cannot be reached (Redis down, or not answering in time). The relay answers
 * 503 and changes nothing; the caller may try again once the store is back.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError'
}
