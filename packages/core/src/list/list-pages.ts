import type { Video } from '../schema/video'
import type { CollectableList } from '../store/garbage-collector'
import type { Clock, ListLink } from '../store/job-entry'
import { shallowEqual } from '../store/shallow-equal'
import type { VideoStore } from '../store/video-store'
import type { VideoListState } from '../types'

/** One loaded page: the ids in server order and the cursor that follows it. */
export interface ListPage {
  readonly ids: readonly string[]
  readonly lastId: string | null
}

type ListMeta = Partial<Pick<VideoListState, 'isLoading' | 'isFetchingNextPage' | 'error' | 'isLocalOnly'>>

const EMPTY: readonly Video[] = Object.freeze([])
const INITIAL_META: Required<ListMeta> = {
  isLoading: false,
  isFetchingNextPage: false,
  error: undefined,
  isLocalOnly: false,
}

/**
 * The cached data of one list query: ordered ids per page (the rows themselves live in the store) and the
 * derived state. Rows of deleted ids are hidden, not removed, so a failed delete brings a row back to its
 * exact place; the row array keeps its identity while no row changed.
 */
export class ListPages implements ListLink, CollectableList {
  #pages: ListPage[] = []
  #hasMore = false
  #meta: Required<ListMeta> = INITIAL_META
  #observers = 0
  /** When the last observer left a loaded list; the garbage collector drops its pages after `gcTime`. */
  idleSince: number | undefined
  readonly #listeners = new Set<(state: VideoListState) => void>()
  #state: VideoListState

  readonly #store: VideoStore
  readonly #clock: Clock

  constructor(
    store: VideoStore,
    readonly order: 'asc' | 'desc',
    clock: Clock,
  ) {
    this.#store = store
    this.#clock = clock
    this.#state = this.#derive()
  }

  getState(): VideoListState {
    return this.#state
  }

  /** Whether the first page has been loaded. */
  get isLoaded(): boolean {
    return this.#pages.length > 0
  }

  get pageCount(): number {
    return this.#pages.length
  }

  /** The cursor for the next page: the last id of the last loaded page. */
  get cursor(): string | null {
    return this.#pages.at(-1)?.lastId ?? null
  }

  get canFetchMore(): boolean {
    return this.#hasMore && this.cursor !== null
  }

  *ids(): IterableIterator<string> {
    for (const page of this.#pages) yield* page.ids
  }

  /** The ids of the loaded rows that are not deleted. */
  *liveIds(): IterableIterator<string> {
    for (const id of this.ids()) if (!this.#store.isDeleted(id)) yield id
  }

  isObserved(): boolean {
    return this.#observers > 0
  }

  subscribe(listener: (state: VideoListState) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Counts an observer (a subscription to `state$`); its ids are kept and polled while observed. */
  observe(): () => void {
    this.#observers++
    this.idleSince = undefined
    if (this.#observers === 1) this.#store.listObservationChanged(this)
    let active = true
    return () => {
      if (!active) return
      active = false
      this.#observers--
      if (this.#observers > 0) return
      this.idleSince = this.#clock.now()
      this.#store.listObservationChanged(this)
    }
  }

  /** Replaces every loaded page (first load or refresh). */
  replacePages(pages: readonly ListPage[], hasMore: boolean): void {
    const before = new Set(this.ids())
    this.#pages = [...pages]
    this.#hasMore = hasMore
    const after = new Set(this.ids())
    for (const id of after) if (!before.has(id)) this.#store.link(id, this)
    for (const id of before) if (!after.has(id)) this.#store.unlink(id, this)
    this.#store.refreshList(this)
  }

  /**
   * For a server without a list route: one page of the videos created here (`createdHere`, in the order
   * their answers came), by `created_at` in the list's order; answers within one second keep their order.
   */
  replaceWithLocal(createdHere: readonly string[]): void {
    const answered = new Map(createdHere.map((id, index) => [id, index]))
    const createdAt = (id: string): number => this.#store.getVideo(id)?.created_at ?? 0
    const oldestFirst = [...answered.keys()].sort(
      (a, b) => createdAt(a) - createdAt(b) || (answered.get(a) ?? 0) - (answered.get(b) ?? 0),
    )
    this.replacePages(
      [{ ids: this.order === 'asc' ? oldestFirst : oldestFirst.reverse(), lastId: null }],
      false,
    )
    this.setMeta({ isLocalOnly: true })
  }

  /**
   * Appends the page that follows the cursor `after`; a page that follows another cursor (one fetched
   * before a refresh replaced the pages, or before another page landed) is refused: false.
   */
  appendPage(page: ListPage, hasMore: boolean, after: string | null): boolean {
    if (!this.isLoaded || after !== this.cursor) return false
    const placedHere = this.#takePastCursor()
    const known = new Set(this.ids())
    // A row can shift onto the next page when newer videos arrive; keep its first (newest) position only.
    const ids = page.ids.filter((id) => !known.has(id))
    this.#pages = [...this.#pages, { ids, lastId: page.lastId }]
    this.#hasMore = hasMore
    for (const id of ids) this.#store.link(id, this)
    for (const id of placedHere) if (!ids.includes(id)) this.#placeAgain(id)
    this.#store.refreshList(this)
    return true
  }

  /**
   * Takes off the last page the rows created here and placed past its cursor (at the tail, when the list
   * seemed to have no more): the page that follows the cursor holds them at their server place, or
   * rows the server put before them (an answer that said "no more" before a newer create went out).
   */
  #takePastCursor(): string[] {
    const last = this.#pages.at(-1)
    const end = last?.lastId ? last.ids.indexOf(last.lastId) + 1 : 0
    if (!last || end === 0 || end === last.ids.length) return []
    this.#pages = [...this.#pages.slice(0, -1), { ...last, ids: last.ids.slice(0, end) }]
    return last.ids.slice(end)
  }

  /** A row taken past the cursor that the next page did not hold: placed again, or left to a later page. */
  #placeAgain(id: string): void {
    this.insertCreated(id)
    if (!this.#includes(id)) this.#store.unlink(id, this)
  }

  /**
   * A video created here, placed by `created_at` (so two creates whose answers cross still land in
   * cursor order; within one second the later answer counts as newer): at the head of a loaded `desc`
   * list, at the tail of an `asc` list whose last page is loaded; a place past the loaded rows of a list
   * with more pages is left to the page that holds it.
   */
  insertCreated(id: string): void {
    if (!this.isLoaded || this.#includes(id)) return
    const goesBefore = (other: string): boolean =>
      (this.order === 'desc') === this.#newerByCreation(id, other)
    for (const [pageIndex, page] of this.#pages.entries()) {
      const index = page.ids.findIndex(goesBefore)
      if (index === -1) continue
      this.#placeAt(pageIndex, index, id)
      return
    }
    if (!this.#hasMore) this.#placeAt(this.#pages.length - 1, this.#pages.at(-1)?.ids.length ?? 0, id)
  }

  /** By `created_at`; on a tie (whole seconds) the video being placed counts as the newer one. */
  readonly #newerByCreation = (id: string, other: string): boolean =>
    (this.#store.getVideo(id)?.created_at ?? -Infinity) >=
    (this.#store.getVideo(other)?.created_at ?? -Infinity)

  #placeAt(pageIndex: number, index: number, id: string): void {
    this.#pages = this.#pages.map((page, i) =>
      i === pageIndex ? { ...page, ids: [...page.ids.slice(0, index), id, ...page.ids.slice(index)] } : page,
    )
    this.#store.link(id, this)
    this.#store.refreshList(this)
  }

  setMeta(meta: ListMeta): void {
    this.#meta = { ...this.#meta, ...meta }
    this.#store.refreshList(this)
  }

  /** Drops the loaded pages (garbage collection of an unobserved list). */
  reset(): void {
    this.idleSince = undefined
    this.replacePages([], false)
    this.#meta = INITIAL_META
    this.#store.refreshList(this)
  }

  onEntityChange(): void {
    this.#refreshNow()
  }

  #includes(id: string): boolean {
    return this.#pages.some((page) => page.ids.includes(id))
  }

  #refreshNow(): void {
    const next = this.#derive()
    if (shallowEqual(this.#state, next)) return
    this.#state = next
    for (const listener of [...this.#listeners]) listener(next)
  }

  #derive(): VideoListState {
    const rows: Video[] = []
    for (const id of this.ids()) {
      if (this.#store.isDeleted(id)) continue
      const video = this.#store.getVideo(id)
      if (video) rows.push(video)
    }
    const previous = this.#state as VideoListState | undefined
    const videos = previous && sameRows(previous.videos, rows) ? previous.videos : rows.length ? rows : EMPTY
    return { videos, isLoaded: this.isLoaded, hasMore: this.#hasMore, ...this.#meta }
  }
}

function sameRows(a: readonly Video[], b: readonly Video[]): boolean {
  return a.length === b.length && a.every((video, index) => video === b[index])
}
