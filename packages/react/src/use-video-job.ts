import type { VideoJobState } from '@vidjob/core'
import { useJobSnapshot } from './use-job-snapshot'

/**
 * What {@link useVideoJob} returns for a `null` or `undefined` id: no video, nothing loading, and the same
 * object every time, so a component waiting for an id renders once.
 *
 * @example
 * const job = useVideoJob(selectedId)
 * if (job === IDLE_VIDEO_JOB_STATE) return <p>Pick a video</p>
 */
export const IDLE_VIDEO_JOB_STATE: VideoJobState = Object.freeze({
  id: '',
  video: undefined,
  status: undefined,
  progress: 0,
  isLoading: false,
  isPolling: false,
  isTerminal: false,
  isDeleted: false,
  error: undefined,
  failure: undefined,
  eta: undefined,
  updatedAt: undefined,
})

const whole = (state: VideoJobState): VideoJobState => state

/**
 * The live state of one job. While mounted, the client's shared poller keeps the job fresh (one request
 * per interval however many components read it); the component re-renders only when this job's state
 * changes. A `null` or `undefined` id gives {@link IDLE_VIDEO_JOB_STATE} and sends nothing.
 *
 * @example
 * function JobBadge({ id }: { id: string }) {
 *   const { status, progress, failure } = useVideoJob(id)
 *   if (failure) return <span role="alert">{failure.message}</span>
 *   return <span>{status ?? 'loading'} {progress}%</span>
 * }
 */
export function useVideoJob(id: string | null | undefined): VideoJobState {
  return useJobSnapshot(id, whole, IDLE_VIDEO_JOB_STATE)
}
