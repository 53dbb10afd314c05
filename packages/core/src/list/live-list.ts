import { Observable } from 'rxjs'
import { isAbortError, toVideoClientError, VideoClientError } from '../errors'
import type { FetchedPage } from '../sync/fetch-types'
import type { JobFetcher } from '../sync/job-fetcher'
import type { Poller } from '../sync/poller'
import type { VideoListHandle, VideoListOptions, VideoListState } from '../types'
import type { ListPage, ListPages } from './list-pages'

/** What a list fetches and watches with. */
export interface LiveListDeps {
  readonly fetcher: JobFetcher
  readonly poller: Poller
  /** The videos created or remixed through this client, oldest answer first. */
  readonly createdHere: () => readonly string[]
}

/**
 * A live, paged list (the handle behind `client.list()`): loads its first page when first observed,
 * pages forward by cursor, refreshes every loaded page, and keeps its live rows polled while observed.
 */
export class LiveList implements VideoListHandle {
  readonly state$: Observable<VideoListState>
  #refreshing: Promise<void> | undefined
  #nextPage: Promise<void> | undefined
  readonly #watched = new Map<string, () => void>()
  readonly #controllers = new Set<AbortController>()
  #nextController: AbortController | undefined

  readonly #deps: LiveListDeps
  readonly #record: ListPages

  constructor(
    readonly query: Readonly<VideoListOptions>,
    record: ListPages,
    deps: LiveListDeps,
  ) {
    this.#deps = deps
    this.#record = record
    this.state$ = new Observable<VideoListState>((subscriber) => {
      let replayed = false
      const unsubscribe = record.subscribe((state) => {
        this.#syncWatched()
        if (replayed) subscriber.next(state)
      })
      const unobserve = record.observe()
      this.#syncWatched()
      if (!record.isLoaded && !this.#refreshing) void this.refresh()
      replayed = true
      subscriber.next(record.getState())
      return () => {
        unsubscribe()
        unobserve()
        this.#syncWatched()
      }
    })
  }

  getState(): VideoListState {
    return this.#record.getState()
  }

  refresh(): Promise<void> {
    // A next page in flight follows a cursor of the pages this refresh replaces: stop it, and let it
    // start again after the refresh (its promise settles then).
    this.#nextController?.abort()
    this.#refreshing ??= this.#loadAll().finally(() => (this.#refreshing = undefined))
    return this.#refreshing
  }

  fetchNextPage(): Promise<void> {
    if (this.#refreshing) return this.#refreshing.then(() => this.fetchNextPage())
    if (!this.#record.isLoaded) return this.refresh()
    if (!this.#record.canFetchMore) return Promise.resolve()
    if (!this.#nextPage) {
      const next: Promise<void> = this.#loadNext().then((superseded) => {
        if (this.#nextPage === next) this.#nextPage = undefined
        return superseded ? this.fetchNextPage() : undefined
      })
      this.#nextPage = next
    }
    return this.#nextPage
  }

  async ensureLoaded(): Promise<VideoListState> {
    if (!this.#record.isLoaded) await this.refresh()
    const state = this.getState()
    if (state.isLoaded) return state
    throw state.error ?? new VideoClientError('The list was disposed before its first page loaded.')
  }

  /** Aborts the list's requests and releases its rows (dispose). */
  dispose(): void {
    this.#controllers.forEach((controller) => controller.abort())
    this.#watched.forEach((release) => release())
    this.#watched.clear()
  }

  async #loadAll(): Promise<void> {
    const wanted = Math.max(1, this.#record.pageCount)
    this.#record.setMeta({ isLoading: !this.#record.isLoaded })
    await this.#guard(async (signal) => {
      if (!this.#deps.fetcher.capabilities.list) return this.#loadLocal()
      const pages: FetchedPage[] = []
      let after: string | undefined
      try {
        // Every loaded page is reloaded in order, like an infinite query: the rows a user scrolled to stay.
        while (pages.length < wanted) {
          const page = await this.#deps.fetcher.page({ ...this.query, after }, signal)
          pages.push(page)
          if (!page.hasMore || page.lastId === null) break
          after = page.lastId
        }
      } catch (error) {
        if (this.#deps.fetcher.capabilities.list || isAbortError(error)) throw error
        return this.#loadLocal()
      }
      const last = pages.at(-1) as FetchedPage
      this.#deps.fetcher.commit(pages, () => this.#record.replacePages(pages.map(toListPage), last.hasMore))
      this.#record.setMeta({ isLocalOnly: false })
      return pages.find((page) => page.excess)?.excess
    })
    this.#record.setMeta({ isLoading: false })
  }

  /** The server cannot list: the list is the videos created here, and later creates join it. */
  #loadLocal(): void {
    this.#record.replaceWithLocal(this.#deps.createdHere())
  }

  /** Loads the next page; true when a refresh (or another page) superseded it before it landed. */
  async #loadNext(): Promise<boolean> {
    const after = this.#record.cursor ?? undefined
    const controller = new AbortController()
    this.#nextController = controller
    let outcome: 'landed' | 'stale' | undefined
    this.#record.setMeta({ isFetchingNextPage: true })
    await this.#guard(async (signal) => {
      const page = await this.#deps.fetcher.page({ ...this.query, after }, signal)
      this.#deps.fetcher.commit([page], () => {
        outcome = this.#record.appendPage(toListPage(page), page.hasMore, after ?? null) ? 'landed' : 'stale'
      })
      return page.excess
    }, controller)
    if (this.#nextController === controller) this.#nextController = undefined
    this.#record.setMeta({ isFetchingNextPage: false })
    return outcome === 'stale' || (controller.signal.aborted && this.#refreshing !== undefined)
  }

  /**
   * Runs a load; its failure goes to the state (the loaded rows stay), never to the caller. A load that
   * succeeds may still have something to say (a page past its limit): that becomes the state's error.
   */
  async #guard(
    load: (signal: AbortSignal) => Promise<VideoClientError | undefined | void>,
    controller: AbortController = new AbortController(),
  ): Promise<void> {
    this.#controllers.add(controller)
    try {
      const warning = await load(controller.signal)
      this.#record.setMeta({ error: warning ?? undefined })
    } catch (error) {
      if (!isAbortError(error)) this.#record.setMeta({ error: toVideoClientError(error) })
    } finally {
      this.#controllers.delete(controller)
    }
  }

  /** While observed, every row is watched by the poller (terminal ones cost nothing). */
  #syncWatched(): void {
    const wanted = new Set<string>()
    if (this.#record.isObserved()) for (const id of this.#record.liveIds()) wanted.add(id)
    for (const [id, release] of this.#watched) {
      if (wanted.has(id)) continue
      release()
      this.#watched.delete(id)
    }
    for (const id of wanted) if (!this.#watched.has(id)) this.#watched.set(id, this.#deps.poller.watch(id))
  }
}

function toListPage(page: FetchedPage): ListPage {
  return { ids: page.videos.map((video) => video.id), lastId: page.lastId }
}
