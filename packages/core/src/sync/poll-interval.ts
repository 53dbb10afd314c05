import type { PollingOptions, VideoJobState } from '../types'
import type { Window } from './progress-phase'

/** Defaults of the adaptive interval. */
export const POLLING_DEFAULTS = {
  minInterval: 1_000,
  maxInterval: 30_000,
  /** Used while the progress rate is unknown (queued, or one observation so far). */
  unknownRateInterval: 5_000,
  /** Poll when the progress bar is due to move by this many points. */
  progressStep: 8,
  /**
   * A queued job's first wait: queues are often short (a second or two), and whether a new job has
   * started is what its row shows first. Later waits while queued are `unknownRateInterval`.
   */
  firstQueuedInterval: 2_000,
  /** A poll with no answer after this long is abandoned and retried after a backoff. */
  timeout: 30_000,
} as const

/** Polls per job that may come sooner than `minInterval`, near its predicted completion. */
export const QUICK_POLLS = 2
/** The shortest of those: about a round trip, so a job never waits on a poll that is itself waiting. */
const QUICK_FLOOR_MS = 200
/** Aim just after the predicted completion, so the quick poll is likely the one that sees it. */
const QUICK_MARGIN_MS = 50
/** After the latest instant a pinned end can come: the answer's rounding, no more. */
const PINNED_MARGIN_MS = 5

/** How the poller is placed to poll a job, beyond its state. */
export interface PollContext {
  /** A few polls per job may aim at a predicted completion sooner than `minInterval`. */
  readonly quick?: boolean
  /** The job's first wait: a queued job is looked at again after 2 s rather than 5 s. */
  readonly first?: boolean
  /**
   * The job shares list pages with others: its progress polls wait half again as long (never past a
   * predicted completion, never over `PAGED_MAX_INTERVAL`), so the jobs of a page fall due together and
   * one page answers them all, while the pages its mates send keep it fresh.
   */
  readonly paged?: boolean
  /** Where the job's progress ticks fall, once its readings pin them (see `ProgressPhase`). */
  readonly phase?: { crossing(point: number): Window | undefined } | undefined
}

/** When to poll next, and whether that poll looks for the job's end. */
export interface PollDelay {
  readonly delay: number
  /** The poll is aimed at the predicted completion (or the completion is overdue). */
  readonly aimsAtEnd: boolean
}

/** How much longer a paged job's progress polls wait, and the longest wait of a paged job. */
const PAGED_STRETCH = 1.5
export const PAGED_MAX_INTERVAL = 7_500

/**
 * When to poll a job next. A user `interval` wins (unclamped); then the server's `openai-poll-after-ms`
 * (never below `minInterval`); otherwise the observed progress rate: poll when the bar should have moved by
 * a visible step or the job should have completed, whichever is sooner, clamped to `minInterval`–`maxInterval`.
 * With `quick`, a completion predicted within `minInterval` is polled for when it is due (not before 200 ms):
 * the poller allows that for a couple of polls per job, so completion is seen about a round trip after it
 * happens, for about one request more per job. Also says whether that poll is aimed at the job's end.
 */
export function planPollDelay(
  state: VideoJobState,
  now: number,
  options: PollingOptions,
  pollAfterMs: number | undefined,
  context: PollContext = {},
): PollDelay {
  const { interval } = options
  if (interval !== undefined)
    return {
      delay: Math.max(0, typeof interval === 'function' ? interval(state) : interval),
      aimsAtEnd: false,
    }
  const min = options.minInterval ?? POLLING_DEFAULTS.minInterval
  // The server's hint is followed when it asks for patience, but never below the floor: a proxy that
  // answers `openai-poll-after-ms: 0` must not turn every job into a request storm.
  if (pollAfterMs !== undefined) return { delay: Math.max(min, pollAfterMs), aimsAtEnd: false }
  const untilDone = untilCompletion(state, now)
  if (context.quick && untilDone !== undefined && untilDone < min)
    return { delay: Math.max(QUICK_FLOOR_MS, untilDone), aimsAtEnd: true }
  const stretch = context.paged ? PAGED_STRETCH : 1
  const pinned =
    context.phase && state.status === 'in_progress'
      ? phasedWait(state, now, context.phase, context.paged === true, stretch)
      : undefined
  const max = Math.max(
    min,
    Math.min(
      options.maxInterval ?? POLLING_DEFAULTS.maxInterval,
      context.paged ? PAGED_MAX_INTERVAL : Infinity,
    ),
  )
  // A pinned end within the longest wait is polled for when it is due (a quick poll if that is soon).
  if (pinned?.aimsAtEnd && pinned.wait <= max && (context.quick || pinned.wait >= min))
    return { delay: pinned.wait, aimsAtEnd: true }
  const { wait, aimsAtEnd } =
    pinned ??
    (context.first && state.status === 'queued'
      ? { wait: POLLING_DEFAULTS.firstQueuedInterval, aimsAtEnd: false }
      : rateBasedWait(state, now, stretch))
  // Cut short by the longest wait, the poll comes well before the end: it is a progress poll.
  return { delay: Math.min(max, Math.max(min, wait)), aimsAtEnd: aimsAtEnd && wait <= max }
}

/** Ms until the job should reach 100 (a little after), from the observed rate; undefined when unknown. */
function untilCompletion(state: VideoJobState, now: number): number | undefined {
  if (state.status !== 'in_progress' || state.eta === undefined || state.updatedAt === undefined)
    return undefined
  return state.eta - (now - state.updatedAt) + QUICK_MARGIN_MS
}

function rateBasedWait(
  state: VideoJobState,
  now: number,
  stretch: number,
): { wait: number; aimsAtEnd: boolean } {
  const { eta, updatedAt, progress } = state
  // Not seen moving: queued, just started, or on a server that reports no progress until the end
  // (LiteLLM's null, vLLM-Omni's 0). Such a job can complete at any moment, so it is not polled less and
  // less often: backing off to 30 s made completions on those servers show up to 25 s late.
  if (updatedAt === undefined || progress >= 100 || eta === undefined)
    return { wait: POLLING_DEFAULTS.unknownRateInterval * stretch, aimsAtEnd: false }
  const msPerPoint = eta / (100 - progress)
  // Aim a point early: a poll that finds the job still rendering costs one more poll at minInterval,
  // a late one costs detection latency on every job.
  const untilCompletion = eta - msPerPoint - (now - updatedAt)
  const untilNextStep = msPerPoint * POLLING_DEFAULTS.progressStep * stretch - (now - updatedAt)
  return untilCompletion <= untilNextStep
    ? { wait: untilCompletion, aimsAtEnd: true }
    : { wait: untilNextStep, aimsAtEnd: false }
}

/**
 * With the ticks pinned: a progress poll of a job polled on its own goes to the middle of the window in which
 * the next visible step can fall, so its answer halves that window and the next predictions are sharper;
 * the last such step is to 99, a first look for the end. The end is then looked for just after the latest
 * instant the bar can pass 99 (servers report at most 99 while rendering), then 100.
 */
function phasedWait(
  state: VideoJobState,
  now: number,
  phase: NonNullable<PollContext['phase']>,
  paged: boolean,
  stretch: number,
): { wait: number; aimsAtEnd: boolean } | undefined {
  const ends = [phase.crossing(99), phase.crossing(100)].map(
    (window) => window && window.hi + PINNED_MARGIN_MS,
  )
  const end = ends.find((at) => at !== undefined && at > now)
  const point = Math.min(99, state.progress + Math.round(POLLING_DEFAULTS.progressStep * stretch))
  const step = point > state.progress ? phase.crossing(point) : undefined
  // A step window that reaches back to now is not pinned yet: the rate decides, as before any reading. A
  // paged job keeps its page's pace instead: its mates' pages read it at other phases anyway.
  const stepAt = paged || step === undefined || step.lo <= now ? Infinity : (step.lo + step.hi) / 2
  if (end !== undefined && end <= stepAt) return { wait: end - now, aimsAtEnd: true }
  // The step to 99 is the end's first look, in the middle of its window: it finds the end half the time.
  return stepAt === Infinity ? undefined : { wait: stepAt - now, aimsAtEnd: point === 99 }
}
