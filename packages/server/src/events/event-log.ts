import type { Video } from '@vidjob/core'

/** One change of a user's video, as a stream sends it. */
export interface LoggedEvent {
  /** The SSE id a stream resumes after (`Last-Event-ID`). */
  readonly id: string
  /** The video's JSON, serialized once for every viewer. */
  readonly data: string
}

/**
 * Where the relay's job changes go, and where every event stream reads them from: the relay's own memory
 * (one instance), or Redis Streams shared by every instance (`createRedisStore`), so that a viewer on
 * any instance hears of a change any instance saw, and resumes on any instance.
 */
export interface EventLog {
  /** Appends a change of one of `ownerId`'s videos; it reaches every subscriber of that user. */
  publish(ownerId: string, video: Video): Promise<void>
  /** The id after which a stream that starts now resumes. */
  head(ownerId: string): Promise<string>
  /** `ownerId`'s events after `lastEventId`, or `'reset'` when they are not all kept (or the id is not one of its). */
  since(ownerId: string, lastEventId: string): Promise<readonly LoggedEvent[] | 'reset'>
  /** Hands `listener` every event of `ownerId` after `after`, in order; returns the unsubscribe. */
  subscribe(ownerId: string, after: string, listener: (event: LoggedEvent) => void): () => void
}
