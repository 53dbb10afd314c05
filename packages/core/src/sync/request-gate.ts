import { abortError } from '../errors'
import type { Scheduler } from '../scheduler'

/**
 * The client-wide pause after a 429: every request waits until the server's Retry-After has passed.
 * One timer serves every waiter.
 */
export class RequestGate {
  #until = 0
  #cancelTimer: (() => void) | undefined
  readonly #waiters = new Set<() => void>()
  readonly #resumeListeners = new Set<() => void>()

  readonly #scheduler: Scheduler

  constructor(scheduler: Scheduler) {
    this.#scheduler = scheduler
  }

  /** When requests may go again, or undefined if they may go now. */
  get pausedUntil(): number | undefined {
    return this.#until > this.#scheduler.now() ? this.#until : undefined
  }

  /** Holds every request for `ms` from now (extends, never shortens, a running pause). */
  pause(ms: number): void {
    const until = this.#scheduler.now() + Math.max(0, ms)
    if (until <= this.#until) return
    this.#until = until
    this.#cancelTimer?.()
    this.#cancelTimer = this.#scheduler.schedule(() => this.#release(), ms)
  }

  /** Resolves when requests may go; rejects with `AbortError` if `signal` aborts first. */
  wait(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal))
    if (this.pausedUntil === undefined) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.#waiters.delete(done)
        reject(abortError(signal))
      }
      const done = (): void => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      this.#waiters.add(done)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Calls `listener` each time a pause ends (after the waiting requests were released). */
  onResume(listener: () => void): () => void {
    this.#resumeListeners.add(listener)
    return () => this.#resumeListeners.delete(listener)
  }

  dispose(): void {
    this.#cancelTimer?.()
    this.#cancelTimer = undefined
    this.#waiters.clear()
    this.#resumeListeners.clear()
  }

  #release(): void {
    this.#cancelTimer = undefined
    const waiters = [...this.#waiters]
    this.#waiters.clear()
    waiters.forEach((waiter) => waiter())
    this.#resumeListeners.forEach((listener) => listener())
  }
}
