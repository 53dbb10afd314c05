import { parseInput } from '../schema/parse'
import { VideoListOptionsSchema } from '../schema/params'
import type { GarbageCollector } from '../store/garbage-collector'
import type { VideoStore } from '../store/video-store'
import type { JobFetcher } from '../sync/job-fetcher'
import type { Poller } from '../sync/poller'
import type { VideoListHandle, VideoListOptions } from '../types'
import { ListPages } from './list-pages'
import { LiveList } from './live-list'

/** What the lists of a client are built from. */
export interface ListRegistryDeps {
  readonly store: VideoStore
  readonly fetcher: JobFetcher
  readonly poller: Poller
  readonly gc: GarbageCollector
}

/**
 * The lists of a client: the same query gives the same handle, and a video created here (or pushed
 * before this client knew it) joins every loaded list at its place (the fetcher says so inside the batch that adds it to the cache). On a server
 * without a list route, a list holds the videos created here.
 */
export class ListRegistry {
  readonly #lists = new Map<string, LiveList>()
  readonly #pages = new Set<ListPages>()
  /** Videos created or remixed here, in the order their answers came: a server without a list has only these. */
  readonly #createdHere: string[] = []
  readonly #deps: ListRegistryDeps

  constructor(deps: ListRegistryDeps) {
    this.#deps = deps
    deps.fetcher.subscribe((event) => {
      if (event.type !== 'created' && event.type !== 'discovered') return
      if (event.type === 'created') this.#createdHere.push(event.id)
      this.#pages.forEach((pages) => pages.insertCreated(event.id))
    })
  }

  /** The handle of `query`; a query outside the spec throws a `VideoValidationError`, unsent. */
  get(query: VideoListOptions = {}): VideoListHandle {
    const { order = 'desc', limit } = parseInput(VideoListOptionsSchema, query, 'list() query')
    const key = `${order}:${limit ?? ''}`
    let list = this.#lists.get(key)
    if (!list) {
      const { store, fetcher, poller, gc } = this.#deps
      const pages = new ListPages(store, order, store.clock)
      gc.track(pages)
      this.#pages.add(pages)
      const createdHere = (): readonly string[] => this.#createdHere
      const listQuery = limit === undefined ? { order } : { order, limit }
      list = new LiveList(listQuery, pages, { fetcher, poller, createdHere })
      this.#lists.set(key, list)
    }
    return list
  }

  /** Aborts every list's requests and releases its rows. */
  dispose(): void {
    this.#lists.forEach((list) => list.dispose())
  }
}
