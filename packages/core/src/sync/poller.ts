import { TimerSlot, type Scheduler } from '../scheduler'
import type { VideoStore } from '../store/video-store'
import type { PollingOptions } from '../types'
import type { BackoffOptions } from './backoff'
import { ConcurrencyLimit } from './concurrency'
import { DueQueue } from './due-queue'
import { allowsPolling, type VideoClientEnvironment } from './environment'
import type { FetchEvent } from './fetch-types'
import type { JobFetcher } from './job-fetcher'
import { planPolls, ridersOf, type PlannedPoll } from './page-cover'
import { POLLING_DEFAULTS } from './poll-interval'
import { PollRequests } from './poll-requests'
import { newTrack, spreadOverdue, type Track } from './poll-track'

/** How far apart the jobs that fell due during a 429 pause start after it. */
const RESUME_SPACING_MS = 250
/**
 * How long jobs of unknown age found due after a newest page wait to share the next: on a busy account,
 * newly watched jobs cost a newest page a second, not one each.
 */
const GATHER_MS = POLLING_DEFAULTS.minInterval

/** What the poller works with; it calls nothing above these, and learns the rest from their events. */
export interface PollerDeps {
  readonly scheduler: Scheduler
  readonly environment: VideoClientEnvironment
  /** The cache: what it reads to schedule, and the `isPolling` flag it owns. */
  readonly store: VideoStore
  readonly fetcher: JobFetcher
}

/** How the poller picks intervals, backs off and bounds its requests. */
export interface PollerOptions {
  readonly polling: PollingOptions
  readonly backoff: BackoffOptions
}

/**
 * The one shared poller of a client. Every watched, live job waits in a due queue (earliest first); a
 * wake-up takes only the jobs that are due, covers them with as few list pages as it can (the rest are
 * retrieved one by one), and starts what the concurrency limit allows. One request per job at a time,
 * intervals adapted to each job, backoff per job on errors, and a single timer for the next due job (none
 * when idle): a wake-up costs O(log N) per due job, whatever N is.
 */
export class Poller {
  readonly #tracks = new Map<string, Track>()
  readonly #queue = new DueQueue<Track>()
  /** Planned polls waiting for room, in the order they were planned. */
  readonly #ready: PlannedPoll[] = []
  /** When a newest page was last planned: jobs of unknown age found due soon after wait to share the next. */
  #newestAt = -Infinity
  readonly #requests: PollRequests
  readonly #limit = new ConcurrencyLimit()
  readonly #timer: TimerSlot
  #pumpQueued = false
  #active: boolean
  #disposed = false
  readonly #unsubscribers: (() => void)[]
  readonly #deps: PollerDeps

  constructor(deps: PollerDeps, options: PollerOptions) {
    this.#deps = deps
    this.#timer = new TimerSlot(deps.scheduler)
    this.#requests = new PollRequests(deps, options, this.#tracks, this.#limit)
    this.#active = allowsPolling(deps.environment)
    this.#unsubscribers = [
      deps.environment.subscribe(() => this.#onEnvironmentChange()),
      deps.fetcher.subscribe((event) => this.#onFetchEvent(event)),
      this.#requests.onSettled((ids) => this.#afterRequest(ids)),
    ]
  }

  /** Counts one more interest in a job; returns its release. The first watcher makes it due now if stale. */
  watch(id: string): () => void {
    if (this.#disposed) return () => undefined
    let track = this.#tracks.get(id)
    if (!track) {
      // A refetch started while nobody watched is this job's request in flight: share it (rule 1).
      track = newTrack(id, this.#requests.firstDueAt(id), this.#requests.unwatched(id))
      // Data fetched a moment ago (a create's answer) set the first wait already.
      track.waited = track.dueAt > this.#deps.scheduler.now()
      this.#tracks.set(id, track)
      this.#setPolling(id, true)
      this.#enqueue(track)
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
    if (track && !track.inflight) this.#unhalt(track)
    if (track) this.#queue.delete(track)
    return this.#requests.refetch(id, track)
  }

  /** Stops every timer and request. */
  dispose(): void {
    this.#disposed = true
    this.#timer.disarm()
    this.#requests.dispose()
    this.#tracks.clear()
    this.#queue.clear()
    this.#ready.length = 0
    this.#unsubscribers.forEach((unsubscribe) => unsubscribe())
  }

  #onFetchEvent(event: FetchEvent): void {
    if (event.type === 'fresh') this.#noteFresh(event.ids, event.pollAfterMs)
    else if (event.type === 'liveness') this.#reconsider(event.id)
    else if (event.type === 'resumed') this.#resumeAfterPause()
    else if (event.type === 'push-lost') this.#refreshAll()
  }

  /** A push stream dropped or missed updates: every watched job is due now, as polled jobs were. */
  #refreshAll(): void {
    const now = this.#deps.scheduler.now()
    for (const track of this.#tracks.values()) {
      if (track.dueAt <= now) continue
      track.dueAt = now
      if (this.#queue.has(track)) this.#queue.set(track)
    }
    this.#pump()
  }

  /** Fresh data arrived by another path (a list page, a create, a push): its next poll counts from now. */
  #noteFresh(ids: readonly string[], pollAfterMs: number | undefined): void {
    let touched = false
    for (const id of ids) {
      const track = this.#tracks.get(id)
      if (!track || track.inflight) continue
      track.failures = 0
      track.dueAt = this.#deps.scheduler.now() + this.#requests.delayFor(track, pollAfterMs)
      if (this.#queue.has(track)) this.#queue.set(track)
      touched = true
    }
    // One wake-up per page, not per row.
    if (touched) this.#pumpSoon()
  }

  /** A job's liveness changed (deleted, or its delete rolled back): stop or resume it. */
  #reconsider(id: string): void {
    const track = this.#tracks.get(id)
    if (!track) return
    const now = this.#deps.scheduler.now()
    if (!this.#isLive(id)) this.#requests.abortFor(id)
    else if (track.dueAt < now) track.dueAt = now
    this.#enqueue(track)
    this.#pump()
  }

  #unhalt(track: Track): void {
    track.halted = false
    track.dueAt = this.#deps.scheduler.now()
    this.#setPolling(track.id, true)
    this.#enqueue(track)
  }

  /** O(log N): the job leaves the queue at once; the wake-up that follows is shared with the others. */
  #release(id: string): void {
    const track = this.#tracks.get(id)
    if (!track) return
    track.watchers--
    if (track.watchers > 0) return
    this.#requests.release(id, track)
    this.#queue.delete(track)
    this.#tracks.delete(id)
    this.#setPolling(id, false)
    this.#pumpSoon()
  }

  #isLive(id: string): boolean {
    return !this.#deps.store.getState(id).isTerminal
  }

  #setPolling(id: string, isPolling: boolean): void {
    this.#deps.store.setMeta(id, { isPolling })
  }

  /** Back in the queue, unless a request or a plan holds it, it stopped for good, or nobody watches it. */
  #enqueue(track: Track): void {
    if (track.inflight || track.halted || track.planned || this.#tracks.get(track.id) !== track) return
    this.#queue.set(track)
  }

  /** A request ended: settle what it answered, then take the jobs it held back into the queue. */
  #afterRequest(ids: readonly string[]): void {
    for (const id of ids) {
      const track = this.#tracks.get(id)
      if (track !== undefined) this.#enqueue(track)
    }
    this.#pumpSoon()
  }

  /** A 429 pause ended: the jobs that fell due meanwhile go again, spread out. */
  #resumeAfterPause(): void {
    for (const plan of this.#ready.splice(0)) for (const track of ridersOf(plan)) this.#unplan(track)
    const overdue: Track[] = []
    const now = this.#deps.scheduler.now()
    while ((this.#queue.peek()?.dueAt ?? Infinity) <= now) overdue.push(this.#queue.shift() as Track)
    spreadOverdue(overdue, now, RESUME_SPACING_MS)
    overdue.forEach((track) => this.#enqueue(track))
    this.#pump()
  }

  #unplan(track: Track): void {
    track.planned = false
    this.#enqueue(track)
  }

  #onEnvironmentChange(): void {
    const allowed = allowsPolling(this.#deps.environment)
    if (allowed === this.#active) return
    this.#active = allowed
    if (allowed) {
      // Back on the page or online: everything watched is refreshed at once (coalesced where possible).
      const now = this.#deps.scheduler.now()
      for (const track of this.#tracks.values()) {
        track.dueAt = Math.min(track.dueAt, now)
        if (this.#queue.has(track)) this.#queue.set(track)
      }
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

  /** Plans what is due, starts what there is room for, then arms one timer for the next due job. */
  #pump(): void {
    if (this.#disposed) return
    const open = this.#active && this.#deps.fetcher.pausedUntil === undefined
    if (open) {
      this.#planDue()
      this.#requests.startWhileRoom(this.#ready)
    }
    const room = open && this.#requests.inflight < this.#limit.limit
    this.#timer.arm(room ? this.#queue.peek()?.dueAt : undefined, () => this.#pump())
  }

  /** Never seen on a page nor walked for: such a job can share the next newest page with others. */
  #ageUnknown(track: Track): boolean {
    const plain = track.walkAfter === undefined && !track.offPage && !track.retrieveNext
    return plain && this.#deps.store.created.rankOf(track.id) === undefined
  }

  /** Takes the due jobs out of the queue and plans their polls (pages where they pay off). */
  #planDue(): void {
    const now = this.#deps.scheduler.now()
    const due: Track[] = []
    const gatherUntil = this.#newestAt + GATHER_MS
    while ((this.#queue.peek()?.dueAt ?? Infinity) <= now) {
      const track = this.#queue.shift() as Track
      if (now < gatherUntil && this.#ageUnknown(track))
        this.#queue.set(Object.assign(track, { dueAt: gatherUntil }))
      else if (this.#isLive(track.id)) due.push(track)
    }
    if (due.length === 0) return
    const canList = this.#deps.fetcher.capabilities.canPollPages
    if (canList) this.#requests.survey.consider(due, this.#deps.store.created)
    const isDue = new Set(due)
    const rider = (id: string): Track | undefined => {
      const track = this.#tracks.get(id)
      if (!track || track.offPage || track.retrieveNext || track.inflight || track.halted || track.planned)
        return undefined
      return this.#queue.has(track) || isDue.has(track) ? track : undefined
    }
    const plans = planPolls(due, rider, this.#deps.store.created, { canList, now })
    if (plans.some((plan) => plan.kind === 'page' && plan.after === undefined)) this.#newestAt = now
    for (const plan of plans) {
      for (const track of ridersOf(plan)) {
        track.planned = true
        this.#queue.delete(track)
      }
      this.#ready.push(plan)
    }
  }
}
