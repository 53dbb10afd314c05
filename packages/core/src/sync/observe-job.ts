import { Observable } from 'rxjs'
import { VideoClientError } from '../errors'
import type { Video } from '../schema/video'
import type { VideoStore } from '../store/video-store'
import type { VideoJobState } from '../types'
import type { Poller } from './poller'

/**
 * The live state of one job (`client.job$`): replays the current state at once, then every change; while
 * subscribed, the poller watches the job.
 */
export function observeJob(store: VideoStore, poller: Poller, id: string): Observable<VideoJobState> {
  return new Observable<VideoJobState>((subscriber) => {
    // Listen first (so the entry is never idle), then watch, then replay: the first state emitted
    // already says whether the job is polled.
    let replayed = false
    const unsubscribe = store.subscribe(id, (state) => replayed && subscriber.next(state))
    const release = poller.watch(id)
    replayed = true
    subscriber.next(store.getState(id))
    return () => {
      unsubscribe()
      release()
    }
  })
}

/** The cached video, or fetched now when none is cached (`client.ensureJob`). */
export async function ensureJob(store: VideoStore, poller: Poller, id: string): Promise<Video> {
  const cached = store.isDeleted(id) ? undefined : store.getVideo(id)
  if (cached) return cached
  await poller.refetch(id)
  const state = store.getState(id)
  if (state.video && !state.isDeleted) return state.video
  throw (
    state.error ??
    new VideoClientError(
      state.isDeleted
        ? `Video ${id} was deleted.`
        : `Video ${id} was not loaded: its request was cancelled (was the client disposed?).`,
    )
  )
}
