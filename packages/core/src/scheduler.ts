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
  /** Cancels every pending timer. */
  cancelAll(): void
}

/** The default scheduler over `globalThis.setTimeout` / `Date.now`. */
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
    cancelAll() {
      for (const handle of timers) globalThis.clearTimeout(handle)
      timers.clear()
    },
  }
}

/**
 * One timer that is moved to the earliest moment something is due: arming it for the moment it is already
 * armed for changes nothing, and `undefined` disarms it.
 */
export class TimerSlot {
  #cancel: (() => void) | undefined
  #at: number | undefined
  readonly #scheduler: Scheduler
  readonly #background: boolean

  constructor(scheduler: Scheduler, options: { background?: boolean } = {}) {
    this.#scheduler = scheduler
    this.#background = options.background ?? false
  }

  /** When it fires (undefined: disarmed). */
  get at(): number | undefined {
    return this.#at
  }

  /** Fires `callback` at `at` (epoch ms), instead of whatever it was armed for. */
  arm(at: number | undefined, callback: () => void): void {
    if (at === this.#at) return
    this.disarm()
    if (at === undefined) return
    this.#at = at
    const fire = (): void => {
      this.#cancel = undefined
      this.#at = undefined
      callback()
    }
    this.#cancel = this.#scheduler.schedule(fire, at - this.#scheduler.now(), {
      background: this.#background,
    })
  }

  disarm(): void {
    this.#cancel?.()
    this.#cancel = undefined
    this.#at = undefined
  }
}
