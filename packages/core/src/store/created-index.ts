import { RowLinks } from './row-links'

/** Where a video stands in creation order: its `created_at`, then when the cache first saw it. */
interface Key {
  readonly at: number
  readonly seq: number
}

/**
 * The cached videos in the order `GET /videos?order=desc` lists them: newest `created_at` first. Within one
 * second (`created_at` has no finer grain) the order is the one pages showed: a video added at the `newest`
 * end of its second ranks before those known, at the `oldest` end after them, and each page puts its rows
 * in its own order (`placeRun`). A wrong guess (a video seen alone) only makes a planned page miss a job,
 * which is then fetched on its own. It also keeps, per video, the row a page showed just before it: where
 * that is not the cached video before it, rows nobody has fetched lie between (a walk that started lower
 * down), and a page must start from that row to hold it. Kept sorted as videos come and go (binary search,
 * one splice), never re-sorted, so the poller finds a job's rank and the cursor before it in O(log N).
 */
export class CreatedIndex {
  readonly #keys = new Map<string, Key>()
  /** Ids, newest first. */
  readonly #ids: string[] = []
  readonly #links = new RowLinks()
  #newest = 0
  #oldest = 0

  get size(): number {
    return this.#ids.length
  }

  /**
   * Adds a video (once; a video's `created_at` never changes), as the newest of its second or the oldest
   * (a row of a page further down the list).
   */
  add(id: string, createdAt: number, end: 'newest' | 'oldest' = 'newest'): void {
    if (this.#keys.has(id)) return
    const key = { at: createdAt, seq: end === 'newest' ? ++this.#newest : --this.#oldest }
    this.#keys.set(id, key)
    this.#ids.splice(this.#insertionPoint(key), 0, id)
  }

  /**
   * A page showed `ids` in this order, newest first, with nothing between them: the cached videos of each
   * second they span are put in that order. Rows seen elsewhere first (a walk that started lower, a row
   * seen alone) may have been ranked by a guess; a page tells their true order. In the run's first second,
   * videos the run does not hold are newer than it (when the run goes on past that second); in its last,
   * older. A page's cursor leads its run.
   */
  placeRun(ids: readonly string[]): void {
    ids.forEach((id, index) => index > 0 && this.#links.link(ids[index - 1] as string, id))
    const run = this.#linkedRun(ids.filter((id) => this.#keys.has(id)))
    const seconds: number[] = []
    for (const id of run) {
      const at = (this.#keys.get(id) as Key).at
      if (seconds.at(-1) !== at) seconds.push(at)
    }
    seconds.forEach((at, index) => {
      const place = seconds.length === 1 ? 'around' : index === 0 ? 'after' : 'before'
      this.#order(
        at,
        run.filter((id) => (this.#keys.get(id) as Key).at === at),
        place,
      )
    })
  }

  delete(id: string): void {
    const rank = this.rankOf(id)
    if (rank === undefined) return
    this.#ids.splice(rank, 1)
    this.#keys.delete(id)
    this.#links.remove(id)
  }

  /**
   * Whether a page after the video at `rank - 1` lists the one at `rank` next: true unless a page showed
   * another row before it.
   */
  follows(rank: number): boolean {
    const previous = this.#links.previous(this.#ids[rank] as string)
    return previous === undefined || previous === this.#ids[rank - 1]
  }

  /**
   * The last rank reached from `rank` through videos each shown by a page right after the one before it
   * (at most `limit` ranks on): a walk down the list from `rank` would fetch those again.
   */
  shownAfter(rank: number, limit: number): number {
    let end = rank
    while (end < rank + limit && this.#links.previous(this.#ids[end + 1] as string) === this.#ids[end]) end++
    return end
  }

  /** The cursor of a page that starts with the video at `rank`: the row a page showed before it. */
  cursorBefore(rank: number): string | undefined {
    return this.#links.previous(this.#ids[rank] as string) ?? this.#ids[rank - 1]
  }

  /** 0 for the newest video; undefined for a video not in the index. */
  rankOf(id: string): number | undefined {
    const key = this.#keys.get(id)
    if (key === undefined) return undefined
    const rank = this.#insertionPoint(key)
    return this.#ids[rank] === id ? rank : undefined
  }

  /** The id at `rank` (0 = newest), if there is one. */
  idAt(rank: number): string | undefined {
    return this.#ids[rank]
  }

  clear(): void {
    this.#keys.clear()
    this.#links.clear()
    this.#ids.length = 0
  }

  /**
   * A page's cached rows, with the cached rows earlier pages linked on before and after them in the same
   * seconds: a walk that started lower down and the one from the top that reached it line up whole.
   */
  #linkedRun(run: readonly string[]): string[] {
    const first = run[0]
    const last = run.at(-1)
    if (first === undefined || last === undefined) return []
    const inRun = new Set(run)
    const sameSecond = (as: string) => (id: string) =>
      !inRun.has(id) && this.#keys.get(id)?.at === (this.#keys.get(as) as Key).at
    const before = this.#links.walk(first, 'previous', sameSecond(first)).reverse()
    return [...before, ...run, ...this.#links.walk(last, 'next', sameSecond(last))]
  }

  /**
   * Puts the videos of second `at` in the order `run` shows them; the others go before them (`after`: the
   * run came from a newer second), after them (`before`), or keep their side of the run's first row.
   */
  #order(at: number, run: readonly string[], place: 'after' | 'before' | 'around'): void {
    const start = this.#insertionPoint({ at, seq: Infinity })
    const end = this.#insertionPoint({ at, seq: -Infinity })
    const second = this.#ids.slice(start, end)
    const inRun = new Set(run)
    const others = second.filter((id) => !inRun.has(id))
    const before = second.slice(0, second.indexOf(run[0] as string)).filter((id) => !inRun.has(id))
    const split = place === 'after' ? others.length : place === 'before' ? 0 : before.length
    const wanted = [...others.slice(0, split), ...run, ...others.slice(split)]
    if (wanted.every((id, index) => second[index] === id)) return
    const seqs = second.map((id) => (this.#keys.get(id) as Key).seq).sort((a, b) => b - a)
    wanted.forEach((id, index) => {
      this.#keys.set(id, { at, seq: seqs[index] as number })
      this.#ids[start + index] = id
    })
  }

  /** The first position whose key is not newer than `key`. */
  #insertionPoint(key: Key): number {
    let low = 0
    let high = this.#ids.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (isNewer(this.#keys.get(this.#ids[middle] as string) as Key, key)) low = middle + 1
      else high = middle
    }
    return low
  }
}

function isNewer(a: Key, b: Key): boolean {
  return a.at !== b.at ? a.at > b.at : a.seq > b.seq
}
