import { distinctUntilChanged, map, Observable, of, switchMap } from 'rxjs'
import { isAbortError, toVideoClientError, type VideoClientError } from './errors'
import type { VideoContentVariant } from './schema'
import type { VideoClient } from './types'

/**
 * A downloadable asset of a job as a `blob:` URL, for `<video src>` / `<img src>`.
 *
 * @example const { url, isLoading, error } = state
 */
export interface VideoContentState {
  /** A `blob:` URL, revoked when the subscription ends. */
  readonly url: string | undefined
  /** The job is completed and its asset is being downloaded. */
  readonly isLoading: boolean
  readonly error: VideoClientError | undefined
}

const WAITING: VideoContentState = Object.freeze({ url: undefined, isLoading: false, error: undefined })
const DOWNLOADING: VideoContentState = Object.freeze({ url: undefined, isLoading: true, error: undefined })

/**
 * Watches a job and, once it is completed, downloads one of its assets and emits an object URL for it.
 * Unsubscribing aborts the download and revokes the URL, so a binding that switches ids or unmounts
 * only has to unsubscribe. Each subscription downloads once (the bytes are not cached).
 *
 * @example
 * const sub = videoContent$(client, id, { variant: 'thumbnail' }).subscribe(({ url }) => (img.src = url ?? ''))
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
    switchMap((completed) => (completed ? download(client, id, variant) : of(WAITING))),
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
