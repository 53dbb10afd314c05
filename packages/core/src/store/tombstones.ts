/** Tombstones of ids nothing holds any more, kept at most: beyond it the oldest go first. */
export const MAX_FREE_TOMBSTONES = 10_000

/** `undefined` while the delete request runs; when the delete was confirmed after. */
type Confirmed = number | undefined

/**
 * The ids deleted here. A tombstone keeps a deleted id from being merged again by an answer already on
 * its way, and so lives as long as such an answer can come: until every request in flight was sent after
 * the delete was confirmed, and while anything (a subscriber, a list) still holds the id. Past that it is
 * freed; and whatever the requests in flight, at most {@link MAX_FREE_TOMBSTONES} of ids nothing holds are
 * kept, the oldest freed first. A pending delete always keeps its tombstone.
 */
export class Tombstones {
  /** In the order the deletes began. */
  readonly #ids = new Map<string, Confirmed>()

  has(id: string): boolean {
    return this.#ids.has(id)
  }

  isPending(id: string): boolean {
    return this.#ids.has(id) && this.#ids.get(id) === undefined
  }

  isConfirmed(id: string): boolean {
    return this.#ids.get(id) !== undefined
  }

  markPending(id: string): void {
    this.#ids.set(id, undefined)
  }

  /** Confirms the delete of `id` at `now`; keeps the tombstones of ids nothing holds within the bound. */
  confirm(id: string, now: number, isHeld: (id: string) => boolean): void {
    if (!this.isConfirmed(id)) this.#ids.set(id, now)
    if (this.#ids.size <= MAX_FREE_TOMBSTONES) return
    let free = 0
    for (const [other, confirmed] of this.#ids) if (confirmed !== undefined && !isHeld(other)) free++
    for (const [other, confirmed] of this.#ids) {
      if (free <= MAX_FREE_TOMBSTONES) return
      if (confirmed === undefined || isHeld(other)) continue
      this.#ids.delete(other)
      free--
    }
  }

  delete(id: string): void {
    this.#ids.delete(id)
  }

  /**
   * Frees the tombstones confirmed before `horizon` of ids nothing holds. The garbage collector's sweep
   * calls it (a timer of its own, never between an answer and its merge), after it dropped idle entries.
   */
  prune(horizon: number, isHeld: (id: string) => boolean): void {
    for (const [id, confirmed] of this.#ids)
      if (confirmed !== undefined && confirmed < horizon && !isHeld(id)) this.#ids.delete(id)
  }

  clear(): void {
    this.#ids.clear()
  }

  get size(): number {
    return this.#ids.size
  }
}
