/** Items grouped by a key (a user id): the listeners of each user's streams. */
export class KeyedSet<T> {
  readonly #byKey = new Map<string, Set<T>>()

  /** Adds `item` under `key`; returns its removal. */
  add(key: string, item: T): () => void {
    let set = this.#byKey.get(key)
    if (!set) this.#byKey.set(key, (set = new Set()))
    set.add(item)
    return () => {
      set.delete(item)
      if (set.size === 0 && this.#byKey.get(key) === set) this.#byKey.delete(key)
    }
  }

  /** The items under `key` (none: empty). */
  of(key: string): Iterable<T> {
    return this.#byKey.get(key) ?? []
  }

  /** The keys that have items. */
  keys(): string[] {
    return [...this.#byKey.keys()]
  }

  get size(): number {
    return this.#byKey.size
  }

  clear(): void {
    this.#byKey.clear()
  }
}
