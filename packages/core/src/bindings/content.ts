import { distinctUntilChanged, map, Observable, of, switchMap } from 'rxjs'
import { isAbortError, toVideoClientError, type VideoClientError } from '../errors'
import type { VideoContentVariant } from '../schema/video'
import type { VideoClient } from '../types'
import { constantReadable, type Readable } from './readable'

/** A downloadable asset of a job as a `blob:` URL, for `<video src>` / `<img src>`. */
export interface VideoContentState {
  /** A `blob:` URL, revoked when the subscription ends. */
  readonly url: string | undefined
  /** The job is completed and its asset is being downloaded. */
  readonly isLoading: boolean
  readonly error: VideoClientError | undefined
}

/** No asset (yet): no id, the job is not completed, nothing subscribed, or server rendering. */
export const NO_CONTENT: VideoContentState = Object.freeze({
  url: undefined,
  isLoading: false,
  error: undefined,
})
const DOWNLOADING: VideoContentState = Object.freeze({ url: undefined, isLoading: true, error: undefined })

/**
 * Watches a job and, once it is completed, downloads one of its assets and emits an object URL for it.
 * Unsubscribing aborts the download and revokes the URL, so a binding that switches ids or unmounts
 * only has to unsubscribe. Each subscription downloads once (the bytes are not cached).
 */
export function videoContent$(
  client: VideoClient,
  id: string,
  options: { variant?: VideoContentVariant | undefined } = {},
): Observable<VideoContentState> {
  const variant = options.variant ?? 'video'
  return client.job$(id).pipe(
    map((state) => state.status === 'completed'),
    distinctUntilChanged(),
    switchMap((completed) => (completed ? download(client, id, variant) : of(NO_CONTENT))),
  )
}

function download(
  client: VideoClient,
  id: string,
  variant: VideoContentVariant,
): Observable<VideoContentState> {
  return new Observable<VideoContentState>((subscriber) => {
    const controller = new AbortController()
    let url: string | undefined
    subscriber.next(DOWNLOADING)
    client.downloadContent(id, { variant, signal: controller.signal }).then(
      (blob) => {
        if (controller.signal.aborted) return
        url = URL.createObjectURL(blob)
        subscriber.next({ url, isLoading: false, error: undefined })
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error))
          subscriber.next({ url: undefined, isLoading: false, error: toVideoClientError(error) })
      },
    )
    return () => {
      controller.abort()
      if (url !== undefined) URL.revokeObjectURL(url)
    }
  })
}

/**
 * An asset of a job as a readable: while subscribed, it watches the job and, once it is completed,
 * downloads the asset into an object URL; when the last subscriber leaves, the download is aborted, the
 * URL revoked and the state back to {@link NO_CONTENT}. One readable per id and variant: a new one starts
 * from `NO_CONTENT`, so a revoked URL is never shown again.
 */
export function contentReadable(
  client: VideoClient,
  id: string | null | undefined,
  variant: VideoContentVariant = 'video',
): Readable<VideoContentState> {
  if (id === null || id === undefined) return constantReadable(NO_CONTENT)
  let state = NO_CONTENT
  let stop: (() => void) | undefined
  const listeners = new Set<(state: VideoContentState) => void>()
  return {
    getState: () => state,
    getServerState: () => NO_CONTENT,
    subscribe(listener) {
      listeners.add(listener)
      if (stop === undefined) {
        const subscription = videoContent$(client, id, { variant }).subscribe((next) => {
          state = next
          listeners.forEach((each) => each(next))
        })
        stop = () => subscription.unsubscribe()
      }
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return
        stop?.()
        stop = undefined
        state = NO_CONTENT
      }
    },
  }
}
