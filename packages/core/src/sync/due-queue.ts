/** What the queue orders: an item with a due time and a slot for its place in the queue. */
export interface Queued {
  /** When it is due (ms epoch). */
  dueAt: number
  /** Its index in the queue's heap, -1 while not queued. Owned by the queue. */
  queueIndex: number
}

/**
 * The items waiting for their due time, earliest first: a binary min-heap that knows where each item sits,
 * so adding, removing and moving one item cost O(log N) and the earliest is read in O(1). The poller keeps
 * every job it may poll here, so a wake-up touches only the jobs that are due, never all of them.
 */
export class DueQueue<T extends Queued> {
  readonly #heap: T[] = []

  get size(): number {
    return this.#heap.length
  }

  /** The earliest item, without removing it. */
  peek(): T | undefined {
    return this.#heap[0]
  }

  has(item: T): boolean {
    return item.queueIndex >= 0 && this.#heap[item.queueIndex] === item
  }

  /** Adds an item, or moves it to its place after its `dueAt` changed. */
  set(item: T): void {
    if (!this.has(item)) {
      item.queueIndex = this.#heap.length
      this.#heap.push(item)
    }
    this.#down(this.#up(item.queueIndex))
  }

  delete(item: T): void {
    if (!this.has(item)) return
    const index = item.queueIndex
    const last = this.#heap.pop() as T
    item.queueIndex = -1
    if (last === item) return
    this.#heap[index] = last
    last.queueIndex = index
    this.#down(this.#up(index))
  }

  /** Removes and returns the earliest item. */
  shift(): T | undefined {
    const first = this.#heap[0]
    if (first !== undefined) this.delete(first)
    return first
  }

  clear(): void {
    for (const item of this.#heap) item.queueIndex = -1
    this.#heap.length = 0
  }

  /** Moves the item at `index` up while it is due before its parent; returns where it ends. */
  #up(index: number): number {
    let child = index
    while (child > 0) {
      const parent = (child - 1) >> 1
      if (this.#dueAt(parent) <= this.#dueAt(child)) break
      this.#swap(parent, child)
      child = parent
    }
    return child
  }

  /** Moves the item at `index` down while a child is due before it. */
  #down(index: number): void {
    let parent = index
    for (;;) {
      const left = 2 * parent + 1
      const right = left + 1
      let earliest = parent
      if (left < this.#heap.length && this.#dueAt(left) < this.#dueAt(earliest)) earliest = left
      if (right < this.#heap.length && this.#dueAt(right) < this.#dueAt(earliest)) earliest = right
      if (earliest === parent) return
      this.#swap(parent, earliest)
      parent = earliest
    }
  }

  #dueAt(index: number): number {
    return (this.#heap[index] as T).dueAt
  }

  #swap(a: number, b: number): void {
    const first = this.#heap[a] as T
    const second = this.#heap[b] as T
    this.#heap[a] = second
    this.#heap[b] = first
    first.queueIndex = b
    second.queueIndex = a
  }
}
