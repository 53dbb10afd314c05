import type { Observable } from 'rxjs'

/**
 * One message of a push source: the stream is open and caught up (`open`), a video body as pushed (not yet
 * validated: the client validates it like a polled one), some updates were missed and what is shown must
 * be refetched (`reset`), or the stream dropped (`closed`; it may open again by itself).
 */
export type VideoUpdate =
  | { readonly type: 'open' }
  | { readonly type: 'video'; readonly video: unknown }
  | { readonly type: 'reset' }
  | { readonly type: 'closed' }

/**
 * Where pushed updates come from, for `createVideoClient({ updates })`: {@link createEventSourceUpdates}
 * reads a relay's `GET /videos/events`. While it is open the client's jobs are not polled (a job it stays
 * silent about gets a confirming poll); when it drops, polling resumes at once.
 */
export interface VideoUpdates {
  /** Opens the source on subscription and closes it on unsubscribe. Never errors: a drop is `closed`. */
  readonly updates$: Observable<VideoUpdate>
}
