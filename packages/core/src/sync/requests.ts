import { isAbortError, toVideoClientError, VideoApiError, VideoClientError } from '../errors'
import type { Scheduler } from '../scheduler'
import { Listeners } from '../store/listeners'
import { classifyFailure } from './failure-policy'
import { RequestGate } from './request-gate'

/**
 * The one pipe every request of a client goes through: it waits out a 429 pause (once), starts one when
 * the server asks for it, turns failures into typed errors, and lets `dispose()` stop every request and
 * every wait, wherever it is.
 */
export class RequestPipe {
  readonly #gate: RequestGate
  /** Requests in flight (what dispose() aborts), oldest first, with when each was sent. */
  readonly #inflight = new Map<AbortController, number>()
  readonly #disposeListeners = new Listeners<void>()
  readonly #defaultRetryAfter: number
  readonly #scheduler: Scheduler
  #disposed = false

  constructor(scheduler: Scheduler, defaultRetryAfter: number) {
    this.#gate = new RequestGate(scheduler)
    this.#scheduler = scheduler
    this.#defaultRetryAfter = defaultRetryAfter
  }

  /**
   * Every answer still to come is to a request sent at or after this time (now, when none is in flight):
   * what happened before it can no longer be contradicted by a late answer.
   */
  get horizon(): number {
    for (const sentAt of this.#inflight.values()) return sentAt
    return this.#scheduler.now()
  }

  get disposed(): boolean {
    return this.#disposed
  }

  /** When requests may go again after a 429, or undefined if they may go now. */
  get pausedUntil(): number | undefined {
    return this.#gate.pausedUntil
  }

  /** Calls `listener` each time a 429 pause ends. */
  onResume(listener: () => void): () => void {
    return this.#gate.onResume(listener)
  }

  /** Calls `listener` once, when the pipe is disposed (for waits that must then settle). */
  onDispose(listener: () => void): () => void {
    return this.#disposeListeners.add(listener)
  }

  /**
   * Runs `request` once no 429 pause holds it, with a signal that aborts when `caller` does or on dispose.
   * Rejects with a `VideoClientError`, or the platform's `AbortError` when aborted.
   */
  async send<T>(request: (signal: AbortSignal) => Promise<T>, caller?: AbortSignal): Promise<T> {
    if (this.#disposed) throw new VideoClientError('This video client was disposed; create a new one.')
    // Not AbortSignal.any over a lifetime signal: Node 20 keeps a reference per call in it for good.
    const controller = new AbortController()
    const forward = (): void => controller.abort(caller?.reason)
    if (caller?.aborted) forward()
    else caller?.addEventListener('abort', forward, { once: true })
    this.#inflight.set(controller, this.#scheduler.now())
    try {
      await this.#gate.wait(controller.signal)
      return await request(controller.signal)
    } catch (error) {
      if (error instanceof VideoApiError && classifyFailure(error) === 'rate-limited')
        this.#gate.pause(error.retryAfterMs ?? this.#defaultRetryAfter)
      throw isAbortError(error) ? error : toVideoClientError(error)
    } finally {
      this.#inflight.delete(controller)
      caller?.removeEventListener('abort', forward)
    }
  }

  dispose(): void {
    if (this.#disposed) return
    this.#disposed = true
    this.#inflight.forEach((_, controller) => controller.abort())
    this.#disposeListeners.emit()
    this.#gate.dispose()
  }
}
