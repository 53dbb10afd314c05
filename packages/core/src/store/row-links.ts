/**
 * Which row a list page showed right before which: the server's exact order, link by link, where the
 * creation time (whole seconds) cannot tell it. Each page's rows, led by its cursor, link up in pairs;
 * a later page's word replaces an earlier one's.
 */
export class RowLinks {
  readonly #previous = new Map<string, string>()
  readonly #next = new Map<string, string>()

  /** A page showed `newer`, then `older`. */
  link(newer: string, older: string): void {
    const oldPrevious = this.#previous.get(older)
    if (oldPrevious !== undefined && this.#next.get(oldPrevious) === older) this.#next.delete(oldPrevious)
    const oldNext = this.#next.get(newer)
    if (oldNext !== undefined && this.#previous.get(oldNext) === newer) this.#previous.delete(oldNext)
    this.#previous.set(older, newer)
    this.#next.set(newer, older)
  }

  previous(id: string): string | undefined {
    return this.#previous.get(id)
  }

  next(id: string): string | undefined {
    return this.#next.get(id)
  }

  /** The row leaves: the server lists the rows on either side of a deleted row one after the other. */
  remove(id: string): void {
    const previous = this.#previous.get(id)
    const next = this.#next.get(id)
    this.#previous.delete(id)
    this.#next.delete(id)
    if (previous !== undefined && next !== undefined) this.link(previous, next)
    else if (next !== undefined) this.#previous.delete(next)
    else if (previous !== undefined) this.#next.delete(previous)
  }

  /** The rows linked on from `id`, one way, while `accept` takes them (`id` not included). */
  walk(id: string, way: 'previous' | 'next', accept: (id: string) => boolean): string[] {
    const links = way === 'previous' ? this.#previous : this.#next
    const rows: string[] = []
    const seen = new Set([id])
    for (let at = links.get(id); at !== undefined && !seen.has(at) && accept(at); at = links.get(at)) {
      rows.push(at)
      seen.add(at)
    }
    return rows
  }

  clear(): void {
    this.#previous.clear()
    this.#next.clear()
  }
}
