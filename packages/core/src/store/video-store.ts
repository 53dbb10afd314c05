import type { Video } from '../schema/video'
import type { VideoJobState } from '../types'
import { CreatedIndex } from './created-index'
import { Tombstones } from './tombstones'
import {
  createEntry,
  CollectedData,
  currentState,
  isEntryObserved,
  rederive,
  type Clock,
  type JobChange,
  type JobEntry,
  type ListLink,
} from './job-entry'
import { initialFacts, type JobFacts } from './job-state'
import { Listeners } from './listeners'
import { mergeVideo, type MergeVerdict } from './merge'
import { addSample } from './progress-rate'
import { StateMemo } from './state-memo'

/** Meta fields the fetcher and the poller set on a job. */
export type JobMeta = Partial<Pick<JobFacts, 'error' | 'isFetching' | 'isPolling'>>

/**
 * The normalized cache: one entry per video id, with structural sharing (an unchanged video keeps its
 * object identity), forward-only merges, tombstones for deleted ids, batched notifications and the
 * bookkeeping of garbage collection. It answers with events: job listeners, list links, `onChanges` and
 * `onIdle`; it never calls anything above it.
 */
export class VideoStore {
  readonly #entries = new Map<string, JobEntry>()
  readonly #memo = new StateMemo()
  readonly #collected = new CollectedData()
  /** Ids deleted here, never merged again while kept: see `tombstones.ts` for how long that is. */
  readonly #tombstones = new Tombstones()
  #batchDepth = 0
  readonly #dirtyEntries = new Set<JobEntry>()
  readonly #dirtyLists = new Set<ListLink>()
  readonly #changes: JobChange[] = []
  readonly #changeListeners = new Listeners<readonly JobChange[]>()
  readonly #idleListeners = new Listeners<void>()
  /** The cached videos that are not deleted, in the order a `desc` list gives them. */
  readonly created = new CreatedIndex()

  constructor(readonly clock: Clock) {}

  /** The current state of a job; a stable object while nothing changes, and nothing created to read it. */
  getState(id: string): VideoJobState {
    const entry = this.#entries.get(id)
    return entry ? currentState(entry, this.#memo) : this.#memo.idle(id, () => this.#initialFacts(id))
  }

  /** The state once observed (what `job$` starts with); the entry adopts that very object when it comes true. */
  getObservedState(id: string): VideoJobState {
    const facts = (): JobFacts => this.#entries.get(id)?.facts ?? this.#initialFacts(id)
    return this.#memo.observedView(this.getState(id), facts)
  }

  getVideo(id: string): Video | undefined {
    return this.#entries.get(id)?.facts.video
  }

  fetchedAt(id: string): number | undefined {
    return this.#entries.get(id)?.fetchedAt
  }

  has(id: string): boolean {
    return this.#entries.has(id)
  }

  isDeleted(id: string): boolean {
    return this.#tombstones.has(id)
  }

  /** The delete of `id` succeeded (not merely optimistic). */
  isDeleteConfirmed(id: string): boolean {
    return this.#tombstones.isConfirmed(id)
  }

  /** Frees the tombstones of ids nothing holds, confirmed before `horizon` (the oldest request in flight). */
  pruneTombstones(horizon: number): void {
    this.#tombstones.prune(horizon, (id) => this.#entries.has(id))
  }

  subscribe(id: string, listener: (state: VideoJobState) => void): () => void {
    const entry = this.#entry(id, true)
    currentState(entry, this.#memo) // changes are told from the state it could read now
    entry.listeners.add(listener)
    entry.idleSince = undefined
    return () => {
      entry.listeners.delete(listener)
      this.#markIdleIfUnobserved(entry)
    }
  }

  /** Calls `listener` with the job changes of each batch, once the batch is over. */
  onChanges(listener: (changes: readonly JobChange[]) => void): () => void {
    return this.#changeListeners.add(listener)
  }

  /** Calls `listener` whenever an entry becomes collectable. */
  onIdle(listener: () => void): () => void {
    return this.#idleListeners.add(listener)
  }

  /**
   * Merges a validated server object. `seq` orders requests: an answer to a request started before the
   * data it would replace is dropped. `observedAt`: when the server most likely read it (the middle of
   * the request, which estimates progress rates better than the arrival); now by default.
   */
  merge(video: Video, seq: number, observedAt?: number): MergeVerdict | 'deleted' {
    return this.batch(() => this.#mergeNow(video, seq, observedAt))
  }

  #mergeNow(video: Video, seq: number, observedAt: number | undefined): MergeVerdict | 'deleted' {
    // While a delete is pending the data is still taken (hidden by the tombstone), so a failed delete can
    // bring the row back with its latest data; once confirmed, nothing is taken again.
    if (this.#tombstones.isConfirmed(video.id)) return 'deleted'
    const entry = this.#entry(video.id)
    const collected = this.#collected.take(video.id)
    // What was collected comes back first and the answer is merged over it, so an answer can neither be
    // older than it by request (started earlier) nor by data (a lagging server): both checks apply.
    if (collected !== undefined && entry.facts.video === undefined)
      this.#mergeNow(collected.video, collected.seq, undefined)
    if (seq < entry.dataSeq) return 'stale'
    const previous = entry.facts.video
    const { video: merged, verdict } = mergeVideo(previous, video)
    if (verdict === 'stale') return verdict
    const at = this.clock.now()
    entry.dataSeq = seq
    entry.fetchedAt = at
    if (!this.#tombstones.has(video.id)) this.created.add(video.id, merged.created_at)
    if (verdict === 'same') return verdict
    const floor = Math.max(entry.facts.progressFloor, merged.progress)
    const samples =
      merged.status === 'in_progress'
        ? addSample(entry.facts.samples, observedAt ?? at, merged.progress)
        : entry.facts.samples
    this.#changes.push(this.#collected.told({ id: video.id, previous, video: merged, deleted: false }))
    this.#update(entry, { video: merged, updatedAt: at, progressFloor: floor, samples })
    return verdict
  }

  /** Sets meta fields (error, fetching, polling); notifies only if the state changed. */
  setMeta(id: string, meta: JobMeta): void {
    this.#update(this.#entry(id), meta)
  }

  /** Optimistically hides a job everywhere; returns false if it was already deleted. */
  markDeleted(id: string): boolean {
    if (this.#tombstones.has(id)) return false
    this.#tombstones.markPending(id)
    this.created.delete(id)
    this.batch(() => this.#setDeletedFlag(id, true))
    return true
  }

  /** The delete succeeded (or the server no longer knows the id): it stays gone. */
  confirmDeleted(id: string): void {
    const wasAlready = this.#tombstones.isConfirmed(id)
    this.#tombstones.confirm(id, this.clock.now(), (held) => this.#entries.has(held))
    this.batch(() => {
      this.#setDeletedFlag(id, true)
      if (!wasAlready)
        this.#changes.push({ id, previous: undefined, video: this.getVideo(id), deleted: true })
    })
  }

  /** The delete failed: the job comes back exactly where it was. */
  restore(id: string): void {
    if (!this.#tombstones.isPending(id)) return
    this.#tombstones.delete(id)
    const video = this.getVideo(id)
    if (video) this.created.add(id, video.created_at)
    this.batch(() => this.#setDeletedFlag(id, false))
  }

  /** Links a list to an id it holds, so the id's changes reach it and its entry lives as long as it. */
  link(id: string, list: ListLink): void {
    const entry = this.#entry(id)
    entry.lists.add(list)
    if (list.isObserved()) entry.idleSince = undefined
  }

  unlink(id: string, list: ListLink): void {
    const entry = this.#entries.get(id)
    if (!entry) return
    entry.lists.delete(list)
    this.#markIdleIfUnobserved(entry)
  }

  /** A list gained or lost its observers: its entries' collectability changes with it. */
  listObservationChanged(list: ListLink): void {
    for (const id of list.ids()) {
      const entry = this.#entries.get(id)
      if (!entry) continue
      if (list.isObserved()) entry.idleSince = undefined
      else this.#markIdleIfUnobserved(entry)
    }
  }

  /** A list's rows or meta changed: it emits now, or once at the end of the batch under way. */
  refreshList(list: ListLink): void {
    if (this.#batchDepth > 0) this.#dirtyLists.add(list)
    else list.onEntityChange()
  }

  /** Runs `fn` and notifies subscribers once at the end, however many entries it touched. */
  batch<T>(fn: () => T): T {
    this.#batchDepth++
    try {
      return fn()
    } finally {
      this.#batchDepth--
      if (this.#batchDepth === 0) this.#flush()
    }
  }

  /**
   * Removes entries unobserved for at least `gcTime`; returns when the next one becomes collectable
   * (undefined if none is waiting).
   */
  collectGarbage(gcTime: number): number | undefined {
    const now = this.clock.now()
    let next: number | undefined
    for (const [id, entry] of this.#entries) {
      // A row of a cached list stays as long as the list does; the list's own expiry releases it.
      if (entry.idleSince === undefined || entry.lists.size > 0) continue
      const due = entry.idleSince + gcTime
      if (due <= now) {
        this.#entries.delete(id)
        this.created.delete(id)
        this.#collected.remember(id, entry)
      } else next = Math.min(next ?? due, due)
    }
    return next
  }

  /** Removes everything (dispose). */
  clear(): void {
    this.#tombstones.clear()
    this.#collected.clear()
    this.#entries.clear()
    this.created.clear()
    this.#memo.clear()
    this.#dirtyEntries.clear()
    this.#dirtyLists.clear()
    this.#changes.length = 0
  }

  #setDeletedFlag(id: string, isDeleted: boolean): void {
    const entry = this.#entry(id)
    this.#update(entry, { isDeleted })
    for (const list of entry.lists) this.#dirtyLists.add(list)
  }

  #initialFacts(id: string): JobFacts {
    return initialFacts(id, this.#tombstones.has(id))
  }

  /** The entry of `id`, created if missing; a new entry is collectable unless `observed`. */
  #entry(id: string, observed = false): JobEntry {
    let entry = this.#entries.get(id)
    if (entry === undefined) {
      entry = createEntry(this.#initialFacts(id), this.#memo.takeIdle(id))
      this.#entries.set(id, entry)
      if (!observed) this.#markIdleIfUnobserved(entry)
    }
    return entry
  }

  #update(entry: JobEntry, patch: Partial<JobFacts>): void {
    const videoChanged = 'video' in patch && patch.video !== entry.facts.video
    Object.assign(entry.facts, patch) // in place: a copy per change was most of a mass release's cost
    if (videoChanged) for (const list of entry.lists) this.#dirtyLists.add(list)
    if (entry.listeners.size === 0) entry.stale = true
    else if (rederive(entry, this.#memo)) this.#dirtyEntries.add(entry)
    if (this.#batchDepth === 0) this.#flush()
  }

  #markIdleIfUnobserved(entry: JobEntry): void {
    if (entry.idleSince !== undefined || isEntryObserved(entry)) return
    entry.idleSince = this.clock.now()
    this.#idleListeners.emit()
  }

  #flush(): void {
    if (this.#dirtyLists.size === 0 && this.#dirtyEntries.size === 0 && this.#changes.length === 0) return
    // Lists first: a job subscriber that reads a list in its callback must see the new rows.
    const lists = [...this.#dirtyLists]
    this.#dirtyLists.clear()
    for (const list of lists) list.onEntityChange()
    const entries = [...this.#dirtyEntries]
    this.#dirtyEntries.clear()
    for (const entry of entries)
      for (const listener of [...entry.listeners]) listener(currentState(entry, this.#memo))
    if (this.#changes.length > 0) this.#changeListeners.emit(this.#changes.splice(0))
  }
}
