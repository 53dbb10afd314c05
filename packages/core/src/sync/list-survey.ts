import type { CreatedIndex } from '../store/created-index'
import { PAGE_SIZE } from './page-cover'
import type { Track } from './poll-track'

/**
 * One walk down the list that holds no job: it learns the pages from `after` on, so the jobs of unknown
 * age on them get their age (and their data) without a walk from the top reaching them.
 */
export interface Walker {
  readonly after: string
  /** `after` is a watched job's id no page has shown (a walker's start), not a row a page answered with. */
  readonly guessed: boolean
  /** Pages in a row that held no watched job. */
  readonly barren: number
  /** Stops its page: a walk belongs to no job, so only `clear` (the client's dispose) stops it. */
  readonly controller: AbortController
}

/** What a walker's page showed. */
export interface WalkedPage {
  readonly full: boolean
  /** Some row was in the cache's creation order before: another walk covers the list from there on. */
  readonly overlap: boolean
  readonly lastId: string | null
  /** The page held a watched job. */
  readonly watched: boolean
}

/** One walk from the top reaches this many pages in about a second and a half at 150 ms a page. */
const PAGES_PER_WALKER = 10
/** Walkers of one survey at most: each takes a request slot while it walks. */
const MAX_WALKERS = 16
/** Jobs picked per walker to start from: when a walker stops, the next such job still unseen starts one. */
const STARTS_PER_WALKER = 4
/** A walker stops after this many pages in a row without a watched job: the live jobs are behind it. */
const MAX_BARREN = 2

/**
 * Splits a long walk down the list. A client that starts watching thousands of jobs it has never seen
 * learns their age by walking the list from the top, one page per round trip: 100 pages for 10,000 jobs,
 * 15 s at 150 ms. The ids of those jobs are cursors too, so walkers start from some of them and walk down
 * at the same time, each until it reaches rows another walk has seen, the end of the list, or pages with no
 * watched job. The jobs they find leave the walk from the top when its page answers.
 */
export class ListSurvey {
  readonly #ready: Walker[] = []
  readonly #sent = new Set<Walker>()
  /** Jobs to start a walker from when one stops, if no page has shown them by then. */
  #reserve: string[] = []
  #index: CreatedIndex | undefined
  #walking = 0

  /** Whether some walker has not stopped yet. */
  get active(): boolean {
    return this.#walking > 0
  }

  /**
   * Jobs are due: when those of unknown age (not yet sent to be retrieved) are more than one walk reaches
   * soon, walkers start from some of them, spread evenly over them (a dashboard that watches jobs in list
   * order gets walkers spread evenly over the list; any other order, spread at random).
   */
  consider(due: readonly Track[], index: CreatedIndex): void {
    if (this.active || due.length < PAGE_SIZE * PAGES_PER_WALKER) return
    const unknown = due.filter(
      (track) => !track.offPage && !track.retrieveNext && index.rankOf(track.id) === undefined,
    )
    const count = Math.min(MAX_WALKERS, Math.floor(unknown.length / (PAGE_SIZE * PAGES_PER_WALKER)))
    if (count === 0) return
    const picks = count * STARTS_PER_WALKER
    const step = unknown.length / picks
    const starts = Array.from({ length: picks }, (_, at) => (unknown[Math.floor(at * step)] as Track).id)
    // Every fourth first, so the first walkers spread over the whole list too.
    this.#reserve = starts.filter((_, at) => at % STARTS_PER_WALKER !== 0)
    this.#ready.push(
      ...starts.filter((_, at) => at % STARTS_PER_WALKER === 0).map((id) => newWalker(id, 0, true)),
    )
    this.#index = index
    this.#walking = count
  }

  /** The next walker to send, if one waits. */
  take(): Walker | undefined {
    const next = this.#ready.shift()
    if (next) this.#sent.add(next)
    return next
  }

  /** A walker's page answered (or failed: `page` undefined): it walks on, or stops. */
  settle(walker: Walker, page: WalkedPage | undefined): void {
    // A walker of a cleared survey (the client was disposed) says nothing.
    if (!this.#sent.delete(walker)) return
    const barren = page?.watched ? 0 : walker.barren + 1
    if (page && page.full && !page.overlap && page.lastId !== null && barren < MAX_BARREN)
      this.#ready.push(newWalker(page.lastId, barren, false))
    else this.#restart()
  }

  /** A walker stopped: another starts from a job no page has shown yet, if one is left. */
  #restart(): void {
    for (let id = this.#reserve.shift(); id !== undefined; id = this.#reserve.shift())
      if (this.#index?.rankOf(id) === undefined) {
        this.#ready.push(newWalker(id, 0, true))
        return
      }
    this.#walking--
  }

  clear(): void {
    for (const sent of this.#sent) sent.controller.abort()
    this.#sent.clear()
    this.#ready.length = 0
    this.#reserve = []
    this.#walking = 0
  }
}

function newWalker(after: string, barren: number, guessed: boolean): Walker {
  return { after, barren, guessed, controller: new AbortController() }
}
