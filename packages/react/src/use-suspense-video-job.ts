import { jobLoadResult, loadJob, type LoadedVideoJobState } from '@vidjob/core/bindings'
import { useVideoJob } from './use-video-job'
import { useVideoClient } from './video-client-provider'

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
  const result = jobLoadResult(useVideoJob(id))
  if (result instanceof Error) throw result
  // A suspended component never commits, so nothing watches the job yet: the load starts here, sharing
  // the request in flight, so repeated renders send one request.
  if (result === undefined) throw loadJob(client, id)
  return result
}
