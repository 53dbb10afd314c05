import { VideoClientError } from '../errors'
import type { Video } from '../schema/video'
import type { VideoClient, VideoJobState } from '../types'

/** A job state whose video has loaded. */
export type LoadedVideoJobState = VideoJobState & { readonly video: Video }

/**
 * The one Suspense rule, for every binding: a job with data renders; one whose first load failed (and is
 * not being retried) gives its typed error, as does one deleted before it loaded; anything else is still
 * loading (undefined).
 */
export function jobLoadResult(state: VideoJobState): LoadedVideoJobState | VideoClientError | undefined {
  if (state.video !== undefined) return state as LoadedVideoJobState
  if (state.error !== undefined && !state.isLoading) return state.error
  if (state.isDeleted) return new VideoClientError(`Video ${state.id} was deleted before it loaded.`)
  return undefined
}

/**
 * Loads a job's first data, sharing any request in flight, and resolves with its loaded state (at once if
 * it is cached); rejects with the typed error of {@link jobLoadResult}. For `<Suspense>`, route loaders and
 * `async setup()`; it does not keep the job polled once it settles.
 *
 * @example
 * const { video } = await loadJob(client, id) // rejects with a VideoApiError 404 for an unknown id
 */
export async function loadJob(client: VideoClient, id: string): Promise<LoadedVideoJobState> {
  let result = jobLoadResult(client.getJob(id))
  if (result === undefined) {
    await client.refetch(id)
    result =
      jobLoadResult(client.getJob(id)) ??
      new VideoClientError(
        `Video ${id} was not loaded: its request was cancelled (was the client disposed?).`,
      )
  }
  if (result instanceof Error) throw result
  return result
}
