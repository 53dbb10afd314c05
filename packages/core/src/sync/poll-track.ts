import { backoffDelay, type BackoffOptions } from './backoff'
import type { Queued } from './due-queue'
import type { PollOutcome } from './fetch-types'
import type { ProgressPhase } from './progress-phase'

/** A request of the poller in flight, and the jobs it answers (one for a retrieve, several for a page). */
export interface Inflight {
  readonly controller: AbortController
  readonly promise: Promise<void>
  readonly ids: ReadonlySet<string>
}

/** What the poller knows of one watched job. */
export interface Track extends Queued {
  readonly id: string
  watchers: number
  failures: number
  /** A permanent failure (e.g. 404, 401): no more polls until `refetch` or a new watcher. */
  halted: boolean
  /** A page that covered this job's place did not hold it: retrieve it on its own until a page holds it. */
  offPage: boolean
  /**
   * A full page that ended in this job's second (`created_at` has whole seconds) did not hold it: it may be
   * further down. The next page starts at its place; if that one misses it too, it is off the pages.
   */
  missed: boolean
  /** A page missed this job before its age was known: retrieve it on its own once, to learn it. */
  retrieveNext: boolean
  /** Age unknown, and not on the pages up to this id: look on the page after it (a walk down the list). */
  walkAfter: string | undefined
  /** Pages walked so far looking for this job. */
  walks: number
  /** In a planned poll that has not started yet (out of the due queue meanwhile). */
  planned: boolean
  /** The last page that covered its place held it: it shares pages, so it keeps a page's pace. */
  paged: boolean
  /** Its next poll looks for its completion: a retrieve of its own, so its page-mates keep their pace. */
  nearEnd: boolean
  /** Where its progress ticks fall, from the readings of its polls (while it renders). */
  phase: ProgressPhase | undefined
  /** Polls spent below `minInterval` near this job's predicted completion. */
  quickPolls: number
  /** Its next poll was planned once already: the first wait of a queued job is shorter. */
  waited: boolean
  inflight: Inflight | undefined
}

/** A job the poller starts to track, due at `dueAt`, sharing `inflight` if a request is under way. */
export function newTrack(id: string, dueAt: number, inflight: Inflight | undefined): Track {
  return {
    id,
    watchers: 0,
    dueAt,
    queueIndex: -1,
    failures: 0,
    halted: false,
    offPage: false,
    retrieveNext: false,
    missed: false,
    walkAfter: undefined,
    walks: 0,
    planned: false,
    quickPolls: 0,
    nearEnd: false,
    paged: false,
    phase: undefined,
    waited: false,
    inflight,
  }
}

/**
 * What the outcome of a poll does to its job's schedule: next poll after `delay()` on success, at once after
 * a 429 (the pause holds it), never again after a permanent failure (returns `'halt'`), and after an
 * exponential backoff (never shorter than its interval) after a transient one.
 */
export function applyOutcome(
  track: Track,
  outcome: PollOutcome,
  now: number,
  delay: () => number,
  backoff: BackoffOptions,
): 'halt' | undefined {
  if (outcome.ok) {
    track.failures = 0
    track.dueAt = now + delay()
  } else if (outcome.kind === 'rate-limited') track.dueAt = now
  else if (outcome.kind === 'permanent' || outcome.kind === 'gone' || outcome.kind === 'unsupported') {
    track.halted = true
    return 'halt'
  } else if (outcome.kind === 'transient') {
    track.failures++
    const baseDelay = Math.max(backoff.baseDelay, delay())
    track.dueAt = now + backoffDelay(track.failures, { ...backoff, baseDelay })
  }
  return undefined
}

/**
 * After a 429 pause, the jobs that fell due meanwhile start `spacing` ms apart (coalesced ones still leave
 * together), so the server that just asked for a break does not get them all at once.
 */
export function spreadOverdue(tracks: readonly Track[], now: number, spacing: number): void {
  const overdue = tracks.filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt)
  overdue.forEach((track, index) => (track.dueAt = now + index * spacing))
}
