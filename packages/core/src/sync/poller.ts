import { isAbortError } from '../errors'
import { TimerSlot, type Scheduler } from '../scheduler'
import type { VideoStore } from '../store/video-store'
import type { PollingOptions } from '../types'
import type { BackoffOptions } from './backoff'
import { classifyFailure } from './failure-policy'
import { allowsPolling, type VideoClientEnvironment } from './environment'
import type { FetchEvent, JobFetcher, PollOutcome } from './job-fetcher'
import { notePageAnswer, pageRiders } from './newest-page'
import { nextPollDelay } from './poll-interval'
import { applyOutcome, earliestDue, newTrack, spreadOverdue, type Inflight, type Track } from './poll-track'

/** Most requests in flight at once, so a wake-up (429 resume, tab return) never becomes a storm. */
const MAX_CONCURRENT = 4
/** How far apart the jobs that fell due during a 429 pause start after it. */
const RESUME_SPACING_MS = 250

/** What the poller works with; it calls nothing above these, and learns the rest from their events. */
export interface PollerDeps {
  readonly scheduler: Scheduler
  readonly environment: VideoClientEnvironment
  /** The cache: what it reads to schedule, and the `isPolling` flag it owns. */
  readonly store: VideoStore
  readonly fetcher: JobFetcher
}

/** How the poller picks intervals and backs off. */
export interface PollerOptions {
  readonly polling: PollingOptions
  readonly backoff: BackoffOptions
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
  readonly #timer: TimerSlot
  #inflightCount = 0
  #pumpQueued = false
  #active: boolean
  #disposed = false
  readonly #unsubscribers: (() => void)[]
  readonly #deps: PollerDeps
  readonly #options: PollerOptions

  constructor(deps: PollerDeps, options: PollerOptions) {
    this.#deps = deps
    this.#options = options
    this.#timer = new TimerSlot(deps.scheduler)
    this.#active = allowsPolling(this.#deps.environment)
    this.#unsubscribers = [
      deps.environment.subscribe(() => this.#onEnvironmentChange()),
      deps.fetcher.subscribe((event) => this.#onFetchEvent(event)),
    ]
  }

  /** Counts one more interest in a job; returns its release. The first watcher makes it due now if stale. */
  watch(id: string): () => void {
    if (this.#disposed) return () => undefined
    let track = this.#tracks.get(id)
    if (!track) {
      // A refetch started while nobody watched is this job's request in flight: share it (rule 1).
      track = newTrack(id, this.#firstDueAt(id), this.#unwatchedRefetches.get(id))
      this.#tracks.set(id, track)
      this.#setPolling(id, true)
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
    if (this.#disposed || this.#deps.store.isDeleted(id)) return Promise.resolve()
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

  /** Stops every timer and request. */
  dispose(): void {
    this.#disposed = true
    this.#timer.disarm()
    for (const track of this.#tracks.values()) track.inflight?.controller.abort()
    this.#tracks.clear()
    this.#unsubscribers.forEach((unsubscribe) => unsubscribe())
  }

  #onFetchEvent(event: FetchEvent): void {
    if (event.type === 'fresh') this.#noteFresh(event.ids, event.pollAfterMs)
    else if (event.type === 'liveness') this.#reconsider(event.id)
    else if (event.type === 'resumed') this.#resumeAfterPause()
  }

  /** Fresh data arrived by another path (a list page, a create, a push): its next poll counts from now. */
  #noteFresh(ids: readonly string[], pollAfterMs: number | undefined): void {
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

  /** A job's liveness changed (deleted, or its delete rolled back): stop or resume it. */
  #reconsider(id: string): void {
    const track = this.#tracks.get(id)
    if (!track) return
    if (!this.#isLive(id)) this.#abortFor(id)
    else if (track.dueAt < this.#deps.scheduler.now()) track.dueAt = this.#deps.scheduler.now()
    this.#pump()
  }

  /** Data fetched a moment ago (e.g. by the list that renders this row) is not fetched again. */
  #firstDueAt(id: string): number {
    const fetchedAt = this.#deps.store.fetchedAt(id)
    const now = this.#deps.scheduler.now()
    return fetchedAt === undefined ? now : Math.max(now, fetchedAt + this.#delayFor(id, undefined))
  }

  #unhalt(track: Track): void {
    track.halted = false
    track.dueAt = this.#deps.scheduler.now()
    this.#setPolling(track.id, true)
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
    this.#setPolling(id, false)
    this.#pump()
  }

  /** Aborts the request of a job, unless it also answers other jobs someone still watches. */
  #abortFor(id: string): void {
    const inflight = this.#tracks.get(id)?.inflight
    if (!inflight || this.#unwatchedRefetches.get(id) === inflight) return
    const wanted = (other: string): boolean =>
      (this.#tracks.get(other)?.watchers ?? 0) > 0 && this.#isLive(other)
    if (![...inflight.ids].some((other) => other !== id && wanted(other))) inflight.controller.abort()
  }

  #isLive(id: string): boolean {
    return !this.#deps.store.getState(id).isTerminal
  }

  #setPolling(id: string, isPolling: boolean): void {
    this.#deps.store.setMeta(id, { isPolling })
  }

  /** A 429 pause ended: the jobs that fell due meanwhile go again, spread out. */
  #resumeAfterPause(): void {
    spreadOverdue(this.#tracks.values(), this.#deps.scheduler.now(), RESUME_SPACING_MS)
    this.#pump()
  }

  #onEnvironmentChange(): void {
    const allowed = allowsPolling(this.#deps.environment)
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
    const schedulable = [...this.#tracks.values()].filter(
      (t) => !t.inflight && !t.halted && t.watchers > 0 && this.#isLive(t.id),
    )
    const open = this.#active && this.#deps.fetcher.pausedUntil === undefined
    if (open) this.#startDue(schedulable)
    const idle = schedulable.filter((t) => !t.inflight)
    const next = open && this.#inflightCount < MAX_CONCURRENT ? earliestDue(idle) : undefined
    this.#timer.arm(next, () => this.#pump())
  }

  #startDue(schedulable: readonly Track[]): void {
    const now = this.#deps.scheduler.now()
    // The most overdue first, while there is room.
    const candidates = [...schedulable].sort((a, b) => a.dueAt - b.dueAt)
    if (!candidates.some((t) => t.dueAt <= now)) return
    const viaPage = pageRiders(candidates, now, this.#deps.store)
    if (viaPage.length > 0 && this.#inflightCount < MAX_CONCURRENT) this.#startPage(viaPage)
    for (const track of candidates.filter((t) => t.dueAt <= now)) {
      if (viaPage.includes(track)) continue
      if (this.#inflightCount >= MAX_CONCURRENT) break
      this.#startRetrieve(track.id, track)
    }
  }

  #startRetrieve(id: string, track: Track | undefined): Inflight {
    const controller = new AbortController()
    const promise = this.#run(controller, [id], async () => {
      const outcome = await this.#deps.fetcher.retrieve(id, controller.signal)
      this.#settle(id, outcome, outcome.ok ? outcome.pollAfterMs : undefined)
    })
    const inflight = { controller, promise, ids: new Set([id]) }
    if (track) track.inflight = inflight
    return inflight
  }

  #startPage(tracks: readonly Track[]): void {
    const controller = new AbortController()
    const ids = new Set(tracks.map((t) => t.id))
    const promise = this.#run(controller, [...ids], async () => {
      const outcome = await this.#deps.fetcher.newestPage(ids, controller.signal)
      if (outcome.ok) notePageAnswer(this.#tracks, ids, outcome.ids, this.#deps.scheduler.now())
      for (const id of ids) {
        if (!outcome.ok) this.#settle(id, outcome, undefined)
        else if (outcome.ids.has(id)) this.#settle(id, { ok: true }, outcome.pollAfterMs)
      }
    })
    for (const track of tracks) track.inflight = { controller, promise, ids }
  }

  async #run(controller: AbortController, ids: readonly string[], body: () => Promise<void>): Promise<void> {
    this.#inflightCount++
    try {
      await body()
    } catch (error) {
      if (!isAbortError(error))
        for (const id of ids) this.#settle(id, { ok: false, error, kind: classifyFailure(error) }, undefined)
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
    const delay = (): number => this.#delayFor(id, outcome.ok ? pollAfterMs : undefined)
    const now = this.#deps.scheduler.now()
    if (applyOutcome(track, outcome, now, delay, this.#options.backoff) === 'halt')
      this.#setPolling(id, false)
  }

  #delayFor(id: string, pollAfterMs: number | undefined): number {
    const state = this.#deps.store.getState(id)
    return nextPollDelay(state, this.#deps.scheduler.now(), this.#options.polling, pollAfterMs)
  }
}
