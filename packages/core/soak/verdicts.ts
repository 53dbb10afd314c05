import { VideoJobFailedError, type Video, type VideoJobState } from '@vidjob/core'
import type { MockVideo } from '@vidjob/mock-api'

/** How a `waitForCompletion` call ended, as the soak recorded it. */
export type WaitOutcome =
  | { readonly state: 'pending' }
  | { readonly state: 'resolved'; readonly video: Video }
  | { readonly state: 'rejected'; readonly error: unknown }

/**
 * Why a settled job's cached state differs from the server's truth, or undefined when it matches in
 * status, progress and failure.
 *
 * @example finalStateMismatch(client.getJob(id), api.jobs.get(id)) // undefined
 */
export function finalStateMismatch(state: VideoJobState, truth: MockVideo): string | undefined {
  const cached = { status: state.status, progress: state.progress, error: describeError(state.video?.error) }
  const real = { status: truth.status, progress: truth.progress, error: describeError(truth.error) }
  if (state.isDeleted) return `reads deleted, but the server has it ${real.status}`
  if (cached.status === real.status && cached.progress === real.progress && cached.error === real.error)
    return undefined
  return `cache ${JSON.stringify(cached)} vs server ${JSON.stringify(real)}`
}

/**
 * Why a `waitForCompletion` outcome is wrong for a job, or undefined when it is right: it resolves with
 * the completed video, rejects with `VideoJobFailedError` for a failed job, and rejects for a deleted
 * job unless it had already ended (then either the end or the deletion may decide it).
 *
 * @param truth the job on the server at the end, or as the server had it when it deleted it
 * @example waitVerdict(outcome, api.jobs.get(id), false) // undefined
 */
export function waitVerdict(
  outcome: WaitOutcome,
  truth: MockVideo | undefined,
  deleted: boolean,
): string | undefined {
  if (outcome.state === 'pending') return 'never settled'
  const ended = endedAs(outcome)
  if (deleted && ended === 'rejected') return undefined
  const expected = truth?.status
  if (ended === expected) {
    if (outcome.state === 'resolved')
      return outcome.video.id === truth?.id ? undefined : 'resolved with another video'
    const { error } = outcome
    if (error instanceof VideoJobFailedError && error.code === truth?.error?.code) return undefined
    return `rejected with ${String(error)}, expected the job's failure ${truth?.error?.code}`
  }
  const why = outcome.state === 'rejected' ? `: ${String(outcome.error)}` : ''
  return `${ended}${why}, but the job ended ${expected ?? 'unknown'}${deleted ? ' and was deleted' : ''}`
}

function endedAs(outcome: Exclude<WaitOutcome, { state: 'pending' }>): 'completed' | 'failed' | 'rejected' {
  if (outcome.state === 'resolved') return outcome.video.status === 'completed' ? 'completed' : 'rejected'
  return outcome.error instanceof VideoJobFailedError ? 'failed' : 'rejected'
}

function describeError(error: { code: string; message: string } | null | undefined): string | null {
  return error ? `${error.code}: ${error.message}` : null
}
