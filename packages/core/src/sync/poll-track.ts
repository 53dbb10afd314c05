import { backoffDelay, type BackoffOptions } from './backoff'
import type { PollOutcome } from './job-fetcher'

/** A request of the poller in flight, and the jobs it answers (one for a retrieve, several for a page). */
export interface Inflight {
  readonly controller: AbortController
  readonly promise: Promise<void>
  readonly ids: ReadonlySet<string>
}

/** What the poller knows of one watched job. */
export interface Track {
  readonly id: string
  watchers: number
  dueAt: number
  failures: number
  /** A permanent failure (e.g. 404, 401): no more polls until `refetch` or a new watcher. */
  halted: boolean
  /** The newest page did not hold this job: retrieve it on its own until it is seen again. */
  offPage: boolean
  inflight: Inflight | undefined
}

/** A job the poller starts to track, due at `dueAt`, sharing `inflight` if a request is under way. */
export function newTrack(id: string, dueAt: number, inflight: Inflight | undefined): Track {
  return { id, watchers: 0, dueAt, failures: 0, halted: false, offPage: false, inflight }
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
  else if (outcome.kind === 'permanent' || outcome.kind === 'gone') {
    track.halted = true
    return 'halt'
  } else if (outcome.kind === 'transient') {
    track.failures++
    const baseDelay = Math.max(backoff.baseDelay, delay())
    track.dueAt = now + backoffDelay(track.failures, { ...backoff, baseDelay })
  }
  return undefined
}

/** When the first of `tracks` is due (undefined for none). */
export function earliestDue(tracks: Iterable<Track>): number | undefined {
  let next: number | undefined
  for (const track of tracks) next = Math.min(next ?? track.dueAt, track.dueAt)
  return next
}

/**
 * After a 429 pause, the jobs that fell due meanwhile start `spacing` ms apart (coalesced ones still leave
 * together), so the server that just asked for a break does not get them all at once.
 */
export function spreadOverdue(tracks: Iterable<Track>, now: number, spacing: number): void {
  const overdue = [...tracks].filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt)
  overdue.forEach((track, index) => (track.dueAt = now + index * spacing))
}
