/**
 * Waits `ms`, rejecting with the signal's reason (an `AbortError` DOMException unless the caller gave
 * another) as soon as it aborts. `setTimeout` is looked up on `globalThis` at each call so vitest fake
 * timers installed after the mock was created still drive it; a zero wait takes no timer at all.
 */
export async function abortableDelay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted()
  if (ms <= 0) return
  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      globalThis.clearTimeout(timer)
      reject(abortReason(signal))
    }
    const timer = globalThis.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('This operation was aborted', 'AbortError')
}
