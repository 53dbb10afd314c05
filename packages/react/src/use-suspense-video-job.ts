import { VideoClientError, type Video, type VideoJobState } from '@vidjob/core'
import { useVideoJob } from './use-video-job'
import { useVideoClient } from './video-client-provider'

/** A job state whose video has loaded. @example const { video }: LoadedVideoJobState = useSuspenseVideoJob(id) */
export type LoadedVideoJobState = VideoJobState & { readonly video: Video }

/**
 * Like {@link useVideoJob}, for `<Suspense>`: suspends until the job's first data has arrived, then
 * returns a state whose `video` is always defined, and stays live like `useVideoJob`. If the first load
 * fails (an unknown id is a `VideoApiError` with status 404), the typed error is thrown to the nearest
 * error boundary; to retry, call `client.refetch(id)` when resetting the boundary. Later poll failures do
 * not throw: they are in `error`, beside the last good `video`.
 *
 * @example
 * function Detail({ id }: { id: string }) {
 *   const { video, progress } = useSuspenseVideoJob(id)
 *   return <h2>{video.prompt} — {progress}%</h2>
 * }
 * <ErrorBoundary fallback={<p>Not found</p>}>
 *   <Suspense fallback={<p>Loading…</p>}><Detail id={id} /></Suspense>
 * </ErrorBoundary>
 */
export function useSuspenseVideoJob(id: string): LoadedVideoJobState {
  const client = useVideoClient()
  const state = useVideoJob(id)
  if (isLoaded(state)) return state
  if (state.error !== undefined && !state.isLoading) throw state.error
  if (state.isDeleted) throw new VideoClientError(`Video ${id} was deleted before it loaded.`)
  // A suspended component never commits, so nothing watches the job yet: the fetch has to start here.
  // `refetch` shares a request already in flight, so repeated renders send one request.
  throw client.refetch(id)
}

function isLoaded(state: VideoJobState): state is LoadedVideoJobState {
  return state.video !== undefined
}
