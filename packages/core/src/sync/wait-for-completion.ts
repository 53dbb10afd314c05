import { Subscription } from 'rxjs'
import { abortError, VideoClientError, VideoJobFailedError } from '../errors'
import type { Video } from '../schema/video'
import type { VideoStore } from '../store/video-store'
import type { VideoJobState } from '../types'
import { observeJob } from './observe-job'
import type { Poller } from './poller'
import type { RequestPipe } from './requests'

/** What `waitForCompletion` watches: the job (kept polled meanwhile) and the client's lifetime. */
export interface CompletionDeps {
  readonly store: VideoStore
  readonly poller: Poller
  readonly requests: RequestPipe
}

/**
 * Resolves with the video once the job has completed; rejects with `VideoJobFailedError` when it fails,
 * with the error that stopped its polling, when its deletion is confirmed, when `signal` aborts, or when
 * the client is disposed.
 */
export function waitForCompletion(deps: CompletionDeps, id: string, signal?: AbortSignal): Promise<Video> {
  const { store, poller, requests } = deps
  return new Promise<Video>((resolve, reject) => {
    // Adding to a closed Subscription tears the addition down at once, so a synchronous outcome (the
    // replayed state already decides it) leaves nothing subscribed. A second outcome finds everything
    // released and a settled promise: it changes nothing.
    const subscription = new Subscription()
    const finish = (settle: () => void): void => {
      subscription.unsubscribe()
      signal?.removeEventListener('abort', onAbort)
      settle()
    }
    const onAbort = (): void => finish(() => reject(abortError(signal)))
    if (signal?.aborted) return onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    const onDispose = (): void =>
      finish(() => reject(new VideoClientError(`The client was disposed while waiting for video ${id}.`)))
    if (requests.disposed) return onDispose()
    subscription.add(requests.onDispose(onDispose))
    const check = (): void => {
      const outcome = completionOutcome(store.getState(id), store.isDeleteConfirmed(id))
      if (outcome) finish(() => ('video' in outcome ? resolve(outcome.video) : reject(outcome.error)))
    }
    // A confirmed delete changes no state (it was already optimistic), so the store's changes are watched too.
    subscription.add(store.onChanges((changes) => changes.some((c) => c.id === id && c.deleted) && check()))
    subscription.add(observeJob(store, poller, id).subscribe(check))
  })
}

/** Whether a job state decides `waitForCompletion`, and how. */
function completionOutcome(
  state: VideoJobState,
  deleteConfirmed: boolean,
): { video: Video } | { error: Error } | undefined {
  const { video } = state
  if (state.status === 'completed' && video) return { video }
  if (state.status === 'failed' && video) return { error: new VideoJobFailedError(video) }
  // An optimistic delete may still fail and the job go on: only a confirmed one ends the wait.
  if (state.isDeleted)
    return deleteConfirmed
      ? { error: new VideoClientError(`Video ${state.id} was deleted before it completed.`) }
      : undefined
  // Not polled any more and not terminal: a permanent error (unknown id, bad key) ended the wait.
  if (!state.isPolling && state.error) return { error: state.error }
  return undefined
}
