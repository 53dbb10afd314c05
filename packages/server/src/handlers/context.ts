import type { Video, VideoClient, VideoTransport } from '@vidjob/core'
import type { EventLog } from '../events/event-log'
import { notFound } from '../http'
import type { UserLimits } from '../limits'
import type { LiveJobs } from '../live-jobs'
import type { RelayUser } from '../options'
import type { OwnershipStore } from '../store/ownership-store'

/** What every route handler works with: the parts the relay wired once. */
export interface RelayContext {
  /** The relay's one core client, shared by every user. */
  readonly client: VideoClient
  readonly upstream: VideoTransport
  readonly store: OwnershipStore
  readonly live: LiveJobs
  /** Where job changes are published and streams read them (shared by the fleet, or this instance's memory). */
  readonly log: EventLog
  readonly limits: UserLimits
  readonly events: Required<{ heartbeatMs: number; maxQueuedBytes: number; retryMs: number }>
  /** The answer to a failed upstream call (or a relay bug). */
  fail(error: unknown): Response
}

/**
 * The caller's own video (its latest state), or the 404 that answers for a video that does not exist and
 * for another user's alike, so nobody learns which ids exist.
 */
export async function ownVideo(
  context: RelayContext,
  user: RelayUser,
  id: string,
): Promise<{ video: Video } | { response: Response }> {
  const owned = await context.store.get(id)
  if (!owned || owned.ownerId !== user.id) return { response: notFound(`No video found with id '${id}'.`) }
  return { video: context.live.latest(user.id, owned.video) }
}
