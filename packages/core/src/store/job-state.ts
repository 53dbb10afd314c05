import type { VideoClientError } from '../errors'
import { estimateEta, NO_SAMPLES, type ProgressSamples } from './progress-rate'
import { isTerminalStatus, type Video } from '../schema/video'
import { shallowEqual } from './shallow-equal'
import type { VideoJobState } from '../types'

/** What the store knows of one job, from which its public state is derived; its entry patches it in place. */
export interface JobFacts {
  id: string
  video: Video | undefined
  updatedAt: number | undefined
  error: VideoClientError | undefined
  isFetching: boolean
  isPolling: boolean
  isDeleted: boolean
  /** The highest progress ever shown, so a state never moves backwards. */
  progressFloor: number
  samples: ProgressSamples
}

/** The facts of a job nothing is known about yet. */
export function initialFacts(id: string, isDeleted: boolean): JobFacts {
  return {
    id,
    video: undefined,
    updatedAt: undefined,
    error: undefined,
    isFetching: false,
    isPolling: false,
    isDeleted,
    progressFloor: 0,
    samples: NO_SAMPLES,
  }
}

/** The state of no job at all, for a binding given a nullish id: stable, so it never re-renders. */
export const IDLE_JOB_STATE: VideoJobState = /* @__PURE__ */ Object.freeze(
  deriveJobState(initialFacts('', false)),
)

/** Derives the public state of a job. Pure: the same facts always give an equal state. */
export function deriveJobState(facts: JobFacts): VideoJobState {
  const { video } = facts
  const status = video?.status
  const completed = status === 'completed'
  const terminal = facts.isDeleted || isTerminalStatus(status)
  const progress = completed ? 100 : Math.max(facts.progressFloor, video?.progress ?? 0)
  return {
    id: facts.id,
    video,
    status,
    progress,
    // Polled without data means a request is due now: say so from the start rather than flip to loading
    // a task later, so a mounting row renders loading → data, not idle → polling → loading → data.
    isLoading: video === undefined && (facts.isFetching || (facts.isPolling && facts.error === undefined)),
    isPolling: facts.isPolling && !terminal,
    isTerminal: terminal,
    isDeleted: facts.isDeleted,
    error: facts.error,
    failure:
      status === 'failed' && video?.error
        ? { code: video.error.code, message: video.error.message }
        : undefined,
    eta: status === 'in_progress' ? estimateEta(facts.samples, facts.updatedAt ?? 0) : undefined,
    updatedAt: facts.updatedAt,
  }
}

/**
 * Keeps the previous object when nothing changed, so `===` is a valid change test for subscribers
 * (useSyncExternalStore, distinctUntilChanged). `failure` is a new object on every derive but is derived
 * from `video` alone, so it cannot differ while `video` is the same object: it is not compared.
 */
export function reuseIfEqual(previous: VideoJobState, next: VideoJobState): VideoJobState {
  return shallowEqual(previous, next, 'failure') ? previous : next
}
