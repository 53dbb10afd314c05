/**
 * The one source of timers for a client. Every timer vidjob holds goes through here, so tests can drive
 * time with fake timers (the globals are looked up at call time) and assert that an idle or disposed
 * client holds none.
 */
export interface Scheduler {
  /** Current time in ms since the epoch. */
  now(): number
  /**
   * Runs `callback` after `ms`; returns a cancel function. A `background` timer (the garbage-collection
   * sweep) does not keep a Node process alive on its own.
   */
  schedule(callback: () => void, ms: number, options?: { background?: boolean }): () => void
  /** How many timers are pending. */
  readonly pending: number
  /** Cancels every pending timer. */
  cancelAll(): void
}

/**
 * The default scheduler over `globalThis.setTimeout` / `Date.now`.
 *
 * @example
 * const scheduler = createScheduler()
 * const cancel = scheduler.schedule(() => console.log('tick'), 1000)
 * cancel()
 */
export function createScheduler(): Scheduler {
  const timers = new Set<ReturnType<typeof setTimeout>>()
  return {
    now: () => Date.now(),
    schedule(callback, ms, options) {
      const handle = globalThis.setTimeout(
        () => {
          timers.delete(handle)
          callback()
        },
        Math.max(0, ms),
      )
      if (options?.background === true && typeof handle === 'object' && 'unref' in handle) handle.unref()
      timers.add(handle)
      return () => {
        if (timers.delete(handle)) globalThis.clearTimeout(handle)
      }
    },
    get pending() {
      return timers.size
    },
    cancelAll() {
      for (const handle of timers) globalThis.clearTimeout(handle)
      timers.clear()
    },
  }
}
