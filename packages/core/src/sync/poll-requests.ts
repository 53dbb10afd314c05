import { VideoNetworkError } from '../errors'
import type { Scheduler } from '../scheduler'
import { Listeners } from '../store/listeners'
import type { VideoStore } from '../store/video-store'
import type { PollingOptions } from '../types'
import type { BackoffOptions } from './backoff'
import type { ConcurrencyLimit } from './concurrency'
import { classifyFailure } from './failure-policy'
import type { PagePollOutcome, PollOutcome } from './fetch-types'
import type { JobFetcher } from './job-fetcher'
import { ListSurvey, type Walker } from './list-survey'
import { notePageAnswer, PAGE_SIZE, ridersOf, type PlannedPoll } from './page-cover'
import {
  planPollDelay,
  POLLING_DEFAULTS,
  QUICK_POLLS,
  type PollContext,
  type PollDelay,
} from './poll-interval'
import { applyOutcome, type Inflight, type Track } from './poll-track'
import { ProgressPhase } from './progress-phase'
import { coveredDelay } from './push-updates'
import { UnwantedRequests } from './unwanted-requests'

/** What the poller's requests work with. */
export interface PollRequestDeps {
  readonly scheduler: Scheduler
  readonly store: VideoStore
  readonly fetcher: JobFetcher
}

/**
 * The poller's requests in flight: it starts a planned poll (a page or a retrieve), bounds it with a
 * deadline, shares it (a `refetch` awaits the poll already under way, and an awaited request outlives its
 * last watcher), settles each job's schedule from the answer, feeds the concurrency limit, and says when a
 * request has ended (`onSettled`) so the poller takes its jobs back into the queue.
 */
export class PollRequests {
  #count = 0
  /** Refetches of jobs nobody watches, shared while in flight. */
  readonly #unwatched = new Map<string, Inflight>()
  /** Requests a `refetch` caller awaits: they finish even when every watcher of their job leaves. */
  readonly #awaited = new WeakSet<Inflight>()
  readonly #settled = new Listeners<readonly string[]>()
  readonly #unwanted = new UnwantedRequests(
    (id) => !!this.#tracks.get(id)?.watchers && !this.#deps.store.getState(id).isTerminal,
  )
  readonly #deps: PollRequestDeps
  readonly #polling: PollingOptions
  readonly #backoff: BackoffOptions
  readonly #tracks: ReadonlyMap<string, Track>
  readonly #limit: ConcurrencyLimit
  /** Walks down the list from several places while many watched jobs are of unknown age. */
  readonly survey = new ListSurvey()

  constructor(
    deps: PollRequestDeps,
    options: { readonly polling: PollingOptions; readonly backoff: BackoffOptions },
    tracks: ReadonlyMap<string, Track>,
    limit: ConcurrencyLimit,
  ) {
    this.#deps = deps
    this.#polling = options.polling
    this.#backoff = options.backoff
    this.#tracks = tracks
    this.#limit = limit
  }

  /** How many polls are in flight. */
  get inflight(): number {
    return this.#count
  }

  /** Calls `listener` with the ids a request answered, once it has ended and they are settled. */
  onSettled(listener: (ids: readonly string[]) => void): () => void {
    return this.#settled.add(listener)
  }

  /** The refetch in flight for a job nobody watched, if any. */
  unwatched(id: string): Inflight | undefined {
    return this.#unwatched.get(id)
  }

  /** Data fetched a moment ago (e.g. by the list that renders this row) is not fetched again. */
  firstDueAt(id: string): number {
    const fetchedAt = this.#deps.store.fetchedAt(id)
    const now = this.#deps.scheduler.now()
    return fetchedAt === undefined
      ? now
      : Math.max(now, fetchedAt + this.#plan(id, undefined, { first: true }).delay)
  }

  /** When to poll `track` next; near a predicted completion, a few polls may come sooner than usual. */
  delayFor(track: Track, pollAfterMs: number | undefined): number {
    // Under an open stream a start is pushed: no early look.
    const first = !track.waited && !this.#deps.fetcher.pushCovered
    const quick = track.quickPolls < QUICK_POLLS
    const context = { quick, first, paged: track.paged, phase: track.phase }
    const { delay, aimsAtEnd } = this.#plan(track.id, pollAfterMs, context)
    track.waited = true
    track.nearEnd = aimsAtEnd
    if (delay < (this.#polling.minInterval ?? POLLING_DEFAULTS.minInterval)) track.quickPolls++
    return this.#deps.fetcher.pushCovered ? coveredDelay(delay) : delay
  }

  /** Fetches a job now, sharing the request in flight. */
  refetch(id: string, track: Track | undefined): Promise<void> {
    let inflight = track ? track.inflight : this.#unwatched.get(id)
    if (!inflight) {
      inflight = this.#retrieve(id, track)
      if (!track) this.#unwatched.set(id, inflight)
    }
    this.#awaited.add(inflight)
    return inflight.promise
  }

  /** The last watcher of a job left: its request stops, unless someone awaits it or it serves others. */
  release(id: string, track: Track): void {
    if (track.inflight && this.#awaited.has(track.inflight)) this.#unwatched.set(id, track.inflight)
    this.abortFor(id)
  }

  /** Aborts the request of a job at the end of the task, unless it answers other jobs someone watches. */
  abortFor(id: string): void {
    const inflight = this.#tracks.get(id)?.inflight
    if (inflight && this.#unwatched.get(id) !== inflight) this.#unwanted.add(inflight)
  }

  /** Starts `ready` polls, then walkers (unless lists are off or paused), while the limit has room. */
  startWhileRoom(ready: PlannedPoll[]): void {
    while (this.#count < this.#limit.limit) {
      const next = ready.shift()
      const listing = this.#deps.fetcher.capabilities.canPollPages
      const walker = next || !listing ? undefined : this.survey.take()
      if (next) this.start(next)
      else if (walker) this.#walk(walker)
      else return
    }
  }

  /** Starts a planned poll with the jobs of it that still need it. */
  start(plan: PlannedPoll): void {
    const tracks = ridersOf(plan)
    tracks.forEach((track) => (track.planned = false))
    const needed = tracks.filter(
      (track) =>
        this.#tracks.get(track.id) === track &&
        !track.inflight &&
        !track.halted &&
        !this.#deps.store.getState(track.id).isTerminal,
    )
    if (plan.kind === 'retrieve' || needed.length === 1)
      needed.forEach((track) => this.#retrieve(track.id, track))
    else if (needed.length > 1) this.#page(needed, plan.kind === 'page' ? plan.after : undefined)
  }

  /** Sends a walker's page: what it holds enters the cache, and the survey learns where to go on. */
  #walk(walker: Walker): void {
    const { controller, after, guessed } = walker
    void this.#run(controller, [], async () => {
      const { signal } = controller
      const outcome = await this.#deps.fetcher.pollPage(new Set(), after, PAGE_SIZE, signal, guessed)
      const watched = outcome.ok && [...outcome.ids].some((id) => this.#tracks.has(id))
      this.survey.settle(walker, outcome.ok ? { ...outcome, watched } : undefined)
      return outcome
    })
  }

  dispose(): void {
    for (const track of this.#tracks.values()) track.inflight?.controller.abort()
    this.survey.clear()
  }

  #retrieve(id: string, track: Track | undefined): Inflight {
    const controller = new AbortController()
    if (track) track.retrieveNext = false
    const promise = this.#run(controller, [id], async () => {
      const sentAt = this.#deps.scheduler.now()
      const outcome = await this.#deps.fetcher.retrieve(id, controller.signal)
      if (outcome.ok) this.#read(id, sentAt)
      this.#settle(id, outcome, outcome.ok ? outcome.pollAfterMs : undefined)
      return outcome
    })
    const inflight = { controller, promise, ids: new Set([id]) }
    if (track) track.inflight = inflight
    return inflight
  }

  #page(tracks: readonly Track[], after: string | undefined): void {
    const controller = new AbortController()
    const ids = new Set(tracks.map((track) => track.id))
    const promise = this.#run(controller, [...ids], async () => {
      const sentAt = this.#deps.scheduler.now()
      const outcome = await this.#deps.fetcher.pollPage(ids, after, PAGE_SIZE, controller.signal)
      if (outcome.ok) for (const id of outcome.ids) if (ids.has(id)) this.#read(id, sentAt)
      this.#settlePage(
        ids,
        outcome.ok ? { ...outcome, ids: this.#answered(ids, outcome.ids, sentAt) } : outcome,
      )
      return outcome
    })
    for (const track of tracks) track.inflight = { controller, promise, ids }
  }

  /** The riders a page held, and those another page (a walker's) brought while it was in flight. */
  #answered(riders: ReadonlySet<string>, held: ReadonlySet<string>, sentAt: number): ReadonlySet<string> {
    const fetchedSince = (id: string): boolean => (this.#deps.store.fetchedAt(id) ?? -Infinity) >= sentAt
    const found = [...riders].filter((id) => !held.has(id) && fetchedSince(id))
    return found.length === 0 ? held : new Set([...held, ...found])
  }

  #settlePage(ids: ReadonlySet<string>, outcome: PagePollOutcome): void {
    const now = this.#deps.scheduler.now()
    if (outcome.ok) {
      const createdAt = (id: string): number | undefined => this.#deps.store.getVideo(id)?.created_at
      notePageAnswer(this.#tracks, ids, outcome, createdAt, now)
      for (const id of ids) if (outcome.ids.has(id)) this.#settle(id, { ok: true }, outcome.pollAfterMs)
      return
    }
    for (const id of ids) {
      const track = this.#tracks.get(id)
      // A page the server will not serve says nothing of its jobs: fetch them on their own instead.
      if (track && !['transient', 'rate-limited', 'aborted'].includes(outcome.kind)) {
        track.offPage = true
        track.dueAt = now
      } else this.#settle(id, outcome, undefined)
    }
  }

  /** Runs one request within its deadline, then releases its slot and says it ended. */
  async #run(
    controller: AbortController,
    ids: readonly string[],
    body: () => Promise<PollOutcome | PagePollOutcome>,
  ): Promise<void> {
    this.#count++
    const started = this.#deps.scheduler.now()
    const timeout = this.#polling.timeout ?? POLLING_DEFAULTS.timeout
    let timedOut = false
    const cancelDeadline = this.#deps.scheduler.schedule(() => {
      timedOut = true
      controller.abort()
    }, timeout)
    try {
      const outcome = await body()
      if (outcome.ok) this.#limit.answered(this.#deps.scheduler.now() - started)
      else this.#limit.failed(outcome.error)
    } catch (error) {
      for (const id of ids) this.#settle(id, { ok: false, error, kind: classifyFailure(error) }, undefined)
    } finally {
      cancelDeadline()
      this.#count--
      if (timedOut) this.#timedOut(ids, timeout)
      // Cleared before any caller's `await` resumes, so a watcher that arrives then never adopts a
      // request that already ended.
      for (const id of ids) {
        const track = this.#tracks.get(id)
        if (track?.inflight?.controller === controller) track.inflight = undefined
        if (this.#unwatched.get(id)?.controller === controller) this.#unwatched.delete(id)
      }
      this.#settled.emit(ids)
    }
  }

  /** A poll past its deadline was abandoned: its jobs say so and back off; its slot is free again. */
  #timedOut(ids: readonly string[], timeout: number): void {
    const error = new VideoNetworkError(
      `A poll got no answer within ${timeout} ms and was abandoned; it will be retried after a backoff ` +
        '(raise polling.timeout if the server is just slow).',
      { timedOut: true },
    )
    this.#limit.failed(error)
    this.#deps.store.batch(() => ids.forEach((id) => this.#deps.store.setMeta(id, { error })))
    for (const id of ids) this.#settle(id, { ok: false, error, kind: 'transient' }, undefined)
  }

  /** An answer read a rendering job's progress somewhere between `sentAt` and now. */
  #read(id: string, sentAt: number): void {
    const track = this.#tracks.get(id)
    const { status, progress } = this.#deps.store.getState(id)
    if (track === undefined || status !== 'in_progress') return
    track.phase ??= new ProgressPhase()
    track.phase.add(sentAt, this.#deps.scheduler.now(), progress)
  }

  #settle(id: string, outcome: PollOutcome, pollAfterMs: number | undefined): void {
    const track = this.#tracks.get(id)
    if (!track) return
    const delay = (): number =>
      outcome.ok ? this.delayFor(track, pollAfterMs) : this.#plan(id, undefined, {}).delay
    const now = this.#deps.scheduler.now()
    if (applyOutcome(track, outcome, now, delay, this.#backoff) === 'halt')
      this.#deps.store.setMeta(id, { isPolling: false })
  }

  #plan(id: string, pollAfterMs: number | undefined, context: PollContext): PollDelay {
    const state = this.#deps.store.getState(id)
    return planPollDelay(state, this.#deps.scheduler.now(), this.#polling, pollAfterMs, context)
  }
}
