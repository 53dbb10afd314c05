import { IDLE_JOB_STATE, type VideoJobState } from '@vidjob/core'
import { useJobSnapshot } from './use-job-snapshot'

const whole = (state: VideoJobState): VideoJobState => state

/**
 * The live state of one job. While mounted, the client's shared poller keeps the job fresh (one request
 * per interval however many components read it); the component re-renders only when this job's state
 * changes. A `null` or `undefined` id gives core's `IDLE_JOB_STATE` and sends nothing.
 *
 * @example
 * function JobBadge({ id }: { id: string }) {
 *   const { status, progress, failure } = useVideoJob(id)
 *   if (failure) return <span role="alert">{failure.message}</span>
 *   return <span>{status ?? 'loading'} {progress}%</span>
 * }
 */
export function useVideoJob(id: string | null | undefined): VideoJobState {
  return useJobSnapshot(id, whole, IDLE_JOB_STATE)
}
