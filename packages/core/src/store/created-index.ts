/** Where a video stands in creation order: its `created_at`, then when the cache first saw it. */
interface Key {
  readonly at: number
  readonly seq: number
}

/**
 * The cached videos in the order `GET /videos?order=desc` lists them: newest `created_at` first. Within one
 * second (`created_at` has no finer grain) the order is the one pages showed: a video added at the `newest`
 * end of its second ranks before those known, at the `oldest` end after them, so rows added in a page's
 * order keep the server's order, page after page. A wrong guess (a video seen alone) only makes a planned
 * page miss a job, which is then fetched on its own. Kept sorted as videos come and go (binary search, one
 * splice), never re-sorted, so the poller finds a job's rank and the cursor before it in O(log N).
 */
export class CreatedIndex {
  readonly #keys = new Map<string, Key>()
  /** Ids, newest first. */
  readonly #ids: string[] = []
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

  delete(id: string): void {
    const rank = this.rankOf(id)
    if (rank === undefined) return
    this.#ids.splice(rank, 1)
    this.#keys.delete(id)
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
    this.#ids.length = 0
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
