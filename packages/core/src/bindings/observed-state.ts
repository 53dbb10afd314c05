import type { VideoClient, VideoJobState } from '../types'

/**
 * Where a client made by `createVideoClient` tells the state a job will have once observed. Registered
 * with `Symbol.for`, so it is found even when a bundle holds two copies of core.
 */
export const OBSERVED_JOB_STATE: unique symbol = Symbol.for('vidjob.observedJobState')

/** A client that can tell a job's observed state before anything subscribes. */
export interface ObservedJobStateSource {
  [OBSERVED_JOB_STATE](id: string): VideoJobState
}

/**
 * The state `client.job$(id)` will start with: a job the poller will track already shows `isPolling`, and
 * `isLoading` until its first data. A binding renders it before subscribing, so mounting renders once
 * rather than the unobserved state and then the observed one. Any other client gives its `getJob`.
 */
export function observedJobState(client: VideoClient, id: string): VideoJobState {
  const source = client as VideoClient & Partial<ObservedJobStateSource>
  return source[OBSERVED_JOB_STATE]?.(id) ?? client.getJob(id)
}
