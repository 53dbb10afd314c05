import type { Video } from '../schema/video'
import type { VideoJobState } from '../types'
import { deriveJobState, reuseIfEqual, type JobFacts } from './job-state'

/** The store's sense of time. */
export interface Clock {
  now(): number
}

/** A change of one job, as the client reports it on `events$`. */
export interface JobChange {
  readonly id: string
  readonly previous: Video | undefined
  readonly video: Video | undefined
  readonly deleted: boolean
}

/** What the store needs of a list to keep its rows fresh and its entries alive. */
export interface ListLink {
  onEntityChange(): void
  isObserved(): boolean
  ids(): Iterable<string>
}

/** One cached job: what is known of it, its derived state, and who observes it. */
export interface JobEntry {
  facts: JobFacts
  /** The derived state; out of date while `stale`. */
  state: VideoJobState
  /**
   * The facts changed while nobody listened: `state` is derived again when next read, not on each change
   * (a dashboard that unmounts sets thousands of jobs unpolled, and most are never read again).
   */
  stale: boolean
  /** Sequence number of the request whose answer `facts.video` came from. */
  dataSeq: number
  readonly listeners: Set<(state: VideoJobState) => void>
  /** Lists holding this id: they re-derive their rows when it changes. */
  readonly lists: Set<ListLink>
  /** When server data for this job last arrived, changed or not. */
  fetchedAt: number | undefined
  /** Set while nothing observes the entry: when it became collectable. */
  idleSince: number | undefined
}

/** A new entry; it keeps `idle` (the state handed out before it existed) while that is still equal. */
export function createEntry(facts: JobFacts, idle: VideoJobState | undefined): JobEntry {
  const derived = deriveJobState(facts)
  return {
    facts,
    state: idle ? reuseIfEqual(idle, derived) : derived,
    stale: false,
    dataSeq: -1,
    fetchedAt: undefined,
    listeners: new Set(),
    lists: new Set(),
    idleSince: undefined,
  }
}

/** What `rederive` needs of the store's memo: the observed view handed out for a state, if any. */
export interface ViewSource {
  viewOf(state: VideoJobState): VideoJobState | undefined
}

/**
 * Derives the entry's state from its facts, keeping the object while equal (or adopting the observed view
 * handed out before, when equal to it); says whether the state changed.
 */
export function rederive(entry: JobEntry, memo: ViewSource): boolean {
  entry.stale = false
  let next = reuseIfEqual(entry.state, deriveJobState(entry.facts))
  if (next === entry.state) return false
  const view = memo.viewOf(entry.state)
  if (view !== undefined) next = reuseIfEqual(view, next)
  entry.state = next
  return true
}

/** The state of `entry`, derived again if its facts changed while nobody listened. */
export function currentState(entry: JobEntry, memo: ViewSource): VideoJobState {
  if (entry.stale) rederive(entry, memo)
  return entry.state
}

/** Someone subscribes to the job, or an observed list holds it. */
export function isEntryObserved(entry: JobEntry): boolean {
  if (entry.listeners.size > 0) return true
  for (const list of entry.lists) if (list.isObserved()) return true
  return false
}

/** How many collected jobs keep their last data. */
const MAX_COLLECTED = 1_000

/**
 * The last data of collected entries (bounded), so an answer to a request started before a collection
 * cannot show a newcomer older data than an earlier subscriber saw.
 */
export class CollectedData {
  readonly #data = new Map<string, { readonly seq: number; readonly video: Video }>()
  /** The data taken back last (kept until the next take), which subscribers were shown before the collection. */
  #taken: { readonly id: string; readonly video: Video } | undefined

  remember(id: string, entry: JobEntry): void {
    if (entry.facts.video === undefined) return
    this.#data.set(id, { seq: entry.dataSeq, video: entry.facts.video })
    if (this.#data.size > MAX_COLLECTED) this.#data.delete(this.#data.keys().next().value as string)
  }

  /** Takes back what was remembered of `id`, if anything. */
  take(id: string): { readonly seq: number; readonly video: Video } | undefined {
    const data = this.#data.get(id)
    this.#data.delete(id)
    if (data !== undefined) this.#taken = { id, video: data.video }
    return data
  }

  /**
   * A change of a job whose entry was just collected and loaded again is told against what subscribers
   * were shown before, so a job's end (`completed`, `failed`) is told once.
   */
  told(change: JobChange): JobChange {
    const taken = this.#taken
    return change.previous === undefined && taken?.id === change.id
      ? { ...change, previous: taken.video }
      : change
  }

  clear(): void {
    this.#data.clear()
    this.#taken = undefined
  }
}
