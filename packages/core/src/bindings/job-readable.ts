import { IDLE_JOB_STATE } from '../store/job-state'
import type { VideoClient, VideoJobState } from '../types'
import { observedJobState } from './observed-state'
import { constantReadable, selectReadable, type Readable } from './readable'

/**
 * One job's live state as a readable: subscribing watches the job (the shared poller keeps it fresh while
 * anyone does); a nullish id is `IDLE_JOB_STATE` and sends nothing. Rendered before subscribing, it already
 * shows the observed state; on a server it is the cached state, untouched.
 *
 * @example
 * const job = jobReadable(client, id)
 * const unsubscribe = job.subscribe(() => render(job.getState()))
 */
export function jobReadable(client: VideoClient, id: string | null | undefined): Readable<VideoJobState> {
  if (id === null || id === undefined) return constantReadable(IDLE_JOB_STATE)
  return {
    getState: () => observedJobState(client, id),
    getServerState: () => client.getJob(id),
    subscribe(listener) {
      const subscription = client.job$(id).subscribe(listener)
      return () => subscription.unsubscribe()
    },
  }
}

const progressOf = (state: VideoJobState): number => state.progress

/** Only the progress (0–100) of a job: notifies when the number moves, not on other changes. */
export function progressReadable(client: VideoClient, id: string | null | undefined): Readable<number> {
  return selectReadable(jobReadable(client, id), progressOf)
}
