import type { PollingOptions, VideoJobState } from '../types'

/** Defaults of the adaptive interval. */
export const POLLING_DEFAULTS = {
  minInterval: 1_000,
  maxInterval: 30_000,
  /** Used while the progress rate is unknown (queued, or one observation so far). */
  unknownRateInterval: 5_000,
  /** Poll when the progress bar is due to move by this many points. */
  progressStep: 8,
  /** A poll with no answer after this long is abandoned and retried after a backoff. */
  timeout: 30_000,
} as const

/** Polls per job that may come sooner than `minInterval`, near its predicted completion. */
export const QUICK_POLLS = 2
/** The shortest of those: about a round trip, so a job never waits on a poll that is itself waiting. */
const QUICK_FLOOR_MS = 200
/** Aim just after the predicted completion, so the quick poll is likely the one that sees it. */
const QUICK_MARGIN_MS = 50

/**
 * When to poll a job next. A user `interval` wins (unclamped); then the server's `openai-poll-after-ms`
 * (never below `minInterval`); otherwise the observed progress rate: poll when the bar should have moved by
 * a visible step or the job should have completed, whichever is sooner, clamped to `minInterval`–`maxInterval`.
 * With `quick`, a completion predicted within `minInterval` is polled for when it is due (not before 200 ms):
 * the poller allows that for a couple of polls per job, so completion is seen about a round trip after it
 * happens, for about one request more per job.
 */
export function nextPollDelay(
  state: VideoJobState,
  now: number,
  options: PollingOptions,
  pollAfterMs: number | undefined,
  quick = false,
): number {
  const { interval } = options
  if (interval !== undefined) return Math.max(0, typeof interval === 'function' ? interval(state) : interval)
  const min = options.minInterval ?? POLLING_DEFAULTS.minInterval
  // The server's hint is followed when it asks for patience, but never below the floor: a proxy that
  // answers `openai-poll-after-ms: 0` must not turn every job into a request storm.
  if (pollAfterMs !== undefined) return Math.max(min, pollAfterMs)
  const max = Math.max(min, options.maxInterval ?? POLLING_DEFAULTS.maxInterval)
  const untilDone = quick ? untilCompletion(state, now) : undefined
  if (untilDone !== undefined && untilDone < min) return Math.max(QUICK_FLOOR_MS, untilDone)
  return Math.min(max, Math.max(min, rateBasedDelay(state, now)))
}

/** Ms until the job should reach 100 (a little after), from the observed rate; undefined when unknown. */
function untilCompletion(state: VideoJobState, now: number): number | undefined {
  if (state.status !== 'in_progress' || state.eta === undefined || state.updatedAt === undefined)
    return undefined
  return state.eta - (now - state.updatedAt) + QUICK_MARGIN_MS
}

function rateBasedDelay(state: VideoJobState, now: number): number {
  const { eta, updatedAt, progress } = state
  // Not seen moving: queued, just started, or on a server that reports no progress until the end
  // (LiteLLM's null, vLLM-Omni's 0). Such a job can complete at any moment, so it is not polled less and
  // less often: backing off to 30 s made completions on those servers show up to 25 s late.
  if (updatedAt === undefined || progress >= 100 || eta === undefined)
    return POLLING_DEFAULTS.unknownRateInterval
  const msPerPoint = eta / (100 - progress)
  // Aim a point early: a poll that finds the job still rendering costs one more poll at minInterval,
  // a late one costs detection latency on every job.
  const untilCompletion = eta - msPerPoint - (now - updatedAt)
  const untilNextStep = msPerPoint * POLLING_DEFAULTS.progressStep - (now - updatedAt)
  return Math.min(untilNextStep, untilCompletion)
}
