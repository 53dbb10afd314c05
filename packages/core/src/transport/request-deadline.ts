/**
 * One signal for a request that aborts when the caller's signal does or when `timeoutMs` passes, and
 * that tells the two apart afterwards. The timer lives only as long as the request: call `clear()`.
 */
export interface RequestDeadline {
  /** Pass to `fetch`; `undefined` when there is neither a caller signal nor a timeout. */
  readonly signal: AbortSignal | undefined
  /** True once the timeout fired. */
  readonly timedOut: boolean
  /**
   * Settles with `work`, or rejects with the abort reason as soon as the signal aborts, even when the
   * `fetch` in use ignores its signal (a wrapper that drops it would otherwise hang the request forever).
   */
  race<T>(work: Promise<T>): Promise<T>
  /** Stops the timer; call it once the request is settled. */
  clear(): void
}

/** Starts a deadline for one request. */
export function startDeadline(
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): RequestDeadline {
  if (timeoutMs === undefined)
    return { signal, timedOut: false, race: (work) => raceAbort(work, signal), clear: () => undefined }
  const timeout = new AbortController()
  const timer = setTimeout(
    () => timeout.abort(new DOMException(`The request timed out after ${timeoutMs} ms.`, 'TimeoutError')),
    timeoutMs,
  )
  const combined = signal === undefined ? timeout.signal : AbortSignal.any([signal, timeout.signal])
  return {
    signal: combined,
    get timedOut(): boolean {
      return timeout.signal.aborted
    },
    race: (work) => raceAbort(work, combined),
    clear: () => clearTimeout(timer),
  }
}

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    // The listener must go once the work settles: a caller's signal may outlive thousands of requests.
    const release = (): void => signal.removeEventListener('abort', onAbort)
    work.then(
      (value) => {
        release()
        resolve(value)
      },
      (error: unknown) => {
        release()
        reject(error)
      },
    )
  })
}
