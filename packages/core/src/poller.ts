import { backoffDelay, type BackoffOptions } from './backoff'
import type { VideoClientEnvironment } from './environment'
import { isAbortError, VideoApiError } from './errors'
import { nextPollDelay } from './poll-interval'
import type { RequestGate } from './request-gate'
import type { Scheduler } from './scheduler'
import type { PollingOptions, VideoJobState } from './types'

/** Most requests in flight at once, so a wake-up (429 resume, tab return) never becomes a storm. */
const MAX_CONCURRENT = 4
/** How far apart the jobs that fell due during a 429 pause start after it. */
const RESUME_SPACING_MS = 250
/** The spec's largest page: the newest page, used to answer many due jobs with one request. */
export const NEWEST_PAGE_SIZE = 100

/** The outcome of one poll, after the client merged (or refused) the answer. */
export type PollOutcome =
  | { ok: true; pollAfterMs?: number | undefined }
  | { ok: false; error: unknown; permanent?: boolean | undefined }

/** The outcome of a coalesced poll: which ids the newest page answered. */
export type PagePollOutcome =
  { ok: true; ids: ReadonlySet<string>; pollAfterMs?: number | undefined } | { ok: false; error: unknown }

/** How the poller reaches the server and reads the cache; the client provides it. */
export interface PollerDeps {
  readonly scheduler: Scheduler
  readonly environment: VideoClientEnvironment
  readonly gate: RequestGate
  readonly polling: PollingOptions
  readonly backoff: BackoffOptions
  getState(id: string): VideoJobState
  /** When the cache last received server data for a job (accepted or unchanged). */
  fetchedAt(id: string): number | undefined
  /** `created_at` of every cached, not deleted job: decides which jobs the newest page can answer. */
  createdAt(id: string): number | undefined
  newestCreatedAt(rank: number): number | undefined
  setPolling(id: string, polling: boolean): void
  retrieve(id: string, signal: AbortSignal): Promise<PollOutcome>
  newestPage(ids: ReadonlySet<string>, signal: AbortSignal): Promise<PagePollOutcome>
}

interface Track {
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

interface Inflight {
  readonly controller: AbortController
  readonly promise: Promise<void>
  /** The jobs this request answers (one for a retrieve, several for a coalesced page). */
  readonly ids: ReadonlySet<string>
}

/**
 * The one shared poller of a client. It keeps every watched, live job fresh with one request per job
 * at a time, folds due jobs into a single newest-page request when it can, adapts intervals to each job,
 * backs off per job on errors, and holds a single timer for its next due job (none when idle).
 */
export class Poller {
  readonly #tracks = new Map<string, Track>()
  /** Refetches of jobs nobody watches, shared while in flight. */
  readonly #unwatchedRefetches = new Map<string, Inflight>()
  /** Requests a `refetch` caller awaits: they finish even when every watcher of their job leaves. */
  readonly #awaited = new WeakSet<Inflight>()
  #cancelTimer: (() => void) | undefined
  #timerAt: number | undefined
  #inflightCount = 0
  #pumpQueued = false
  #active: boolean
  #disposed = false
  readonly #unsubscribers: (() => void)[] = []

  readonly #deps: PollerDeps

  constructor(deps: PollerDeps) {
    this.#deps = deps
    this.#active = this.#environmentAllows()
    this.#unsubscribers.push(
      deps.environment.subscribe(() => this.#onEnvironmentChange()),
      deps.gate.onResume(() => this.#resumeAfterPause()),
    )
  }

  /** Counts one more interest in a job; returns its release. The first watcher makes it due now if stale. */
  watch(id: string): () => void {
    let track = this.#tracks.get(id)
    if (!track) {
      track = {
        id,
        watchers: 0,
        dueAt: this.#firstDueAt(id),
        failures: 0,
        halted: false,
        offPage: false,
        // A refetch started while nobody watched is this job's request in flight: share it (rule 1).
        inflight: this.#unwatchedRefetches.get(id),
      }
      this.#tracks.set(id, track)
      this.#deps.setPolling(id, true)
    } else if (track.halted) this.#unhalt(track)
    track.watchers++
    if (track.watchers === 1) this.#pumpSoon()
    let released = false
    return () => {
      if (released) return
      released = true
      this.#release(id)
    }
  }

  /** Fetches a job now (sharing a request in flight), whatever its schedule. */
  refetch(id: string): Promise<void> {
    const track = this.#tracks.get(id)
    let inflight = track ? track.inflight : this.#unwatchedRefetches.get(id)
    if (!inflight) {
      if (track) this.#unhalt(track)
      inflight = this.#startRetrieve(id, track)
      if (!track) this.#unwatchedRefetches.set(id, inflight)
    }
    this.#awaited.add(inflight)
    return inflight.promise
  }

  /**
   * Fresh data for a job arrived by another path (a list page, a mutation, a push): its next poll is
   * counted from now.
   */
  noteFresh(ids: Iterable<string>, pollAfterMs?: number): void {
    let touched = false
    for (const id of ids) {
      const track = this.#tracks.get(id)
      if (!track || track.inflight) continue
      track.failures = 0
      track.dueAt = this.#deps.scheduler.now() + this.#delayFor(id, pollAfterMs)
      touched = true
    }
    // One wake-up per page, not per row: a page of 100 rows must not scan the tracks 100 times.
    if (touched) this.#pumpSoon()
  }

  /** A job's liveness may have changed (deleted, restored, terminal): stop or resume it. */
  reconsider(id: string): void {
    const track = this.#tracks.get(id)
    if (!track) return
    if (!this.#isLive(id)) this.#abortFor(id)
    else if (track.dueAt < this.#deps.scheduler.now()) track.dueAt = this.#deps.scheduler.now()
    this.#pump()
  }

  /** Stops every timer and request. */
  dispose(): void {
    this.#disposed = true
    this.#cancelTimer?.()
    this.#cancelTimer = undefined
    for (const track of this.#tracks.values()) track.inflight?.controller.abort()
    this.#tracks.clear()
    this.#unsubscribers.forEach((unsubscribe) => unsubscribe())
  }

  /** Data fetched a moment ago (e.g. by the list that renders this row) is not fetched again. */
  #firstDueAt(id: string): number {
    const fetchedAt = this.#deps.fetchedAt(id)
    const now = this.#deps.scheduler.now()
    return fetchedAt === undefined ? now : Math.max(now, fetchedAt + this.#delayFor(id, undefined))
  }

  #unhalt(track: Track): void {
    track.halted = false
    track.dueAt = this.#deps.scheduler.now()
    this.#deps.setPolling(track.id, true)
  }

  #release(id: string): void {
    const track = this.#tracks.get(id)
    if (!track) return
    track.watchers--
    if (track.watchers > 0) return
    // Someone awaits this request (a loader, a webhook): it goes on, and the next watcher shares it.
    if (track.inflight && this.#awaited.has(track.inflight)) this.#unwatchedRefetches.set(id, track.inflight)
    this.#abortFor(id)
    this.#tracks.delete(id)
    this.#deps.setPolling(id, false)
    this.#pump()
  }

  /** Aborts the request of a job, unless it also answers other jobs someone still watches. */
  #abortFor(id: string): void {
    const inflight = this.#tracks.get(id)?.inflight
    if (!inflight || this.#unwatchedRefetches.get(id) === inflight) return
    const stillNeeded = [...inflight.ids].some((other) => other !== id && this.#isWanted(other))
    if (!stillNeeded) inflight.controller.abort()
  }

  #isWanted(id: string): boolean {
    const track = this.#tracks.get(id)
    return track !== undefined && track.watchers > 0 && this.#isLive(id)
  }

  #isLive(id: string): boolean {
    return !this.#deps.getState(id).isTerminal
  }

  /**
   * A 429 pause ended: the jobs that fell due meanwhile start one every RESUME_SPACING_MS (coalesced ones
   * still leave together), so the server that just asked for a break does not get them all at once.
   */
  #resumeAfterPause(): void {
    const now = this.#deps.scheduler.now()
    const overdue = [...this.#tracks.values()].filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt)
    overdue.forEach((track, index) => (track.dueAt = now + index * RESUME_SPACING_MS))
    this.#pump()
  }

  #environmentAllows(): boolean {
    return this.#deps.environment.isVisible() && this.#deps.environment.isOnline()
  }

  #onEnvironmentChange(): void {
    const allowed = this.#environmentAllows()
    if (allowed === this.#active) return
    this.#active = allowed
    if (allowed) {
      // Back on the page or online: everything watched is refreshed at once (coalesced where possible).
      const now = this.#deps.scheduler.now()
      for (const track of this.#tracks.values()) track.dueAt = Math.min(track.dueAt, now)
    }
    this.#pump()
  }

  /**
   * Pumps once at the end of the current task: a page that mounts 100 rows subscribes 100 jobs in one
   * go, and they should leave as one coalesced request, not four singles and a page.
   */
  #pumpSoon(): void {
    if (this.#pumpQueued) return
    this.#pumpQueued = true
    queueMicrotask(() => {
      this.#pumpQueued = false
      this.#pump()
    })
  }

  /** Starts what is due, then arms one timer for the next due job. */
  #pump(): void {
    if (this.#disposed) return
    // One scan of the tracks per wake-up, shared by starting and by arming the timer.
    const schedulable = this.#schedulable()
    if (this.#active && this.#deps.gate.pausedUntil === undefined) this.#startDue(schedulable)
    this.#armTimer(schedulable.filter((track) => !track.inflight))
  }

  #schedulable(): Track[] {
    return [...this.#tracks.values()].filter(
      (t) => !t.inflight && !t.halted && t.watchers > 0 && this.#isLive(t.id),
    )
  }

  #armTimer(schedulable: readonly Track[]): void {
    let next: number | undefined
    if (this.#active && this.#deps.gate.pausedUntil === undefined && this.#inflightCount < MAX_CONCURRENT) {
      for (const track of schedulable) next = Math.min(next ?? track.dueAt, track.dueAt)
    }
    if (next === this.#timerAt) return
    this.#cancelTimer?.()
    this.#cancelTimer = undefined
    this.#timerAt = next
    if (next === undefined) return
    this.#cancelTimer = this.#deps.scheduler.schedule(() => {
      this.#cancelTimer = undefined
      this.#timerAt = undefined
      this.#pump()
    }, next - this.#deps.scheduler.now())
  }

  #startDue(schedulable: readonly Track[]): void {
    const now = this.#deps.scheduler.now()
    // The most overdue first, while there is room.
    const candidates = [...schedulable].sort((a, b) => a.dueAt - b.dueAt)
    if (!candidates.some((t) => t.dueAt <= now)) return
    const viaPage = this.#pageRiders(candidates, now)
    if (viaPage.length > 0 && this.#inflightCount < MAX_CONCURRENT) this.#startPage(viaPage)
    for (const track of candidates.filter((t) => t.dueAt <= now)) {
      if (viaPage.includes(track)) continue
      if (this.#inflightCount >= MAX_CONCURRENT) break
      this.#startRetrieve(track.id, track)
    }
  }

  /**
   * The newest page costs one request like a retrieve, and refreshes every watched job on it: when a job
   * it holds is due and it holds at least one more, every job it holds rides along (none otherwise).
   */
  #pageRiders(candidates: readonly Track[], now: number): readonly Track[] {
    if (candidates.length < 2) return []
    const threshold = this.#deps.newestCreatedAt(NEWEST_PAGE_SIZE)
    const onPage = candidates.filter((t) => !t.offPage && this.#inNewestPage(t.id, threshold))
    return onPage.length >= 2 && onPage.some((t) => t.dueAt <= now) ? onPage : []
  }

  /** `threshold`: `created_at` of the last video the newest page can hold (undefined: it holds them all). */
  #inNewestPage(id: string, threshold: number | undefined): boolean {
    const createdAt = this.#deps.createdAt(id)
    // Unknown age (never loaded, or collected): worth trying when a page goes out anyway; a miss is
    // retrieved on its own right after.
    if (createdAt === undefined) return true
    // A tie at the boundary may or may not be on the page: try it, a miss is retrieved right after.
    return threshold === undefined || createdAt >= threshold
  }

  #startRetrieve(id: string, track: Track | undefined): Inflight {
    const controller = new AbortController()
    const promise = this.#run(controller, async () => {
      await this.#deps.gate.wait(controller.signal)
      const outcome = await this.#deps.retrieve(id, controller.signal)
      this.#settle(id, outcome, outcome.ok ? outcome.pollAfterMs : undefined)
    }, [id])
    const inflight = { controller, promise, ids: new Set([id]) }
    if (track) track.inflight = inflight
    return inflight
  }

  #startPage(tracks: readonly Track[]): void {
    const controller = new AbortController()
    const ids = new Set(tracks.map((t) => t.id))
    const promise = this.#run(controller, async () => {
      const outcome = await this.#deps.newestPage(ids, controller.signal)
      if (outcome.ok) this.#backOnPage(outcome.ids)
      for (const id of ids) {
        if (!outcome.ok) this.#settle(id, outcome, undefined)
        else if (outcome.ids.has(id)) this.#settle(id, { ok: true }, outcome.pollAfterMs)
        else this.#unanswered(id)
      }
    }, [...ids])
    for (const track of tracks) track.inflight = { controller, promise, ids }
  }

  /**
   * Jobs the newest page held ride along with it again. Only a page clears `offPage`: a job retrieved on
   * its own is still off the page, and must not be taken along (and then retrieved) with every page poll.
   */
  #backOnPage(ids: ReadonlySet<string>): void {
    for (const id of ids) {
      const track = this.#tracks.get(id)
      if (track) track.offPage = false
    }
  }

  /** A job the newest page did not hold: retrieve it on its own right away. */
  #unanswered(id: string): void {
    const track = this.#tracks.get(id)
    if (!track) return
    track.offPage = true
    track.dueAt = this.#deps.scheduler.now()
  }

  async #run(controller: AbortController, body: () => Promise<void>, ids: readonly string[]): Promise<void> {
    this.#inflightCount++
    try {
      await body()
    } catch (error) {
      if (!isAbortError(error)) for (const id of ids) this.#settle(id, { ok: false, error }, undefined)
    } finally {
      this.#inflightCount--
      // Cleared before any caller's `await` resumes, so a watcher that arrives then never adopts a
      // request that already ended.
      for (const id of ids) {
        const track = this.#tracks.get(id)
        if (track?.inflight?.controller === controller) track.inflight = undefined
        if (this.#unwatchedRefetches.get(id)?.controller === controller) this.#unwatchedRefetches.delete(id)
      }
      this.#pumpSoon()
    }
  }

  #settle(id: string, outcome: PollOutcome, pollAfterMs: number | undefined): void {
    const track = this.#tracks.get(id)
    if (!track) return
    const now = this.#deps.scheduler.now()
    if (outcome.ok) {
      track.failures = 0
      track.dueAt = now + this.#delayFor(id, pollAfterMs)
      return
    }
    const { error } = outcome
    if (isAbortError(error)) return
    if (error instanceof VideoApiError && error.status === 429) {
      track.dueAt = now
      return
    }
    if (outcome.permanent === true || isPermanent(error)) {
      track.halted = true
      this.#deps.setPolling(id, false)
      return
    }
    track.failures++
    const base = {
      ...this.#deps.backoff,
      baseDelay: Math.max(this.#deps.backoff.baseDelay, this.#delayFor(id, undefined)),
    }
    track.dueAt = now + backoffDelay(track.failures, base)
  }

  #delayFor(id: string, pollAfterMs: number | undefined): number {
    return nextPollDelay(this.#deps.getState(id), this.#deps.scheduler.now(), this.#deps.polling, pollAfterMs)
  }
}

/** 4xx answers other than timeouts and rate limits will not get better by asking again. */
function isPermanent(error: unknown): boolean {
  if (!(error instanceof VideoApiError)) return false
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429
}
