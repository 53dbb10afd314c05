/**
 * Listeners of one kind of event, called in the order they subscribed. A listener added or removed while
 * they are being called takes effect from the next event.
 */
export class Listeners<T> {
  readonly #set = new Set<(value: T) => void>()

  /** Adds `listener`; returns its removal. */
  add(listener: (value: T) => void): () => void {
    this.#set.add(listener)
    return () => void this.#set.delete(listener)
  }

  emit(value: T): void {
    // One listener (the usual case) needs no copy: returning right after it ignores one it adds.
    if (this.#set.size === 1) for (const listener of this.#set) return listener(value)
    for (const listener of [...this.#set]) listener(value)
  }

  get size(): number {
    return this.#set.size
  }
}
