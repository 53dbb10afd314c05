/**
 * One signal that aborts when any of its sources does, and a `release` that detaches it from them.
 * `AbortSignal.any` would do, but Node 20 keeps a reference per call in a long-lived source (the
 * client's lifetime signal) for good: one small leak per request, forever.
 *
 * @example
 * const { signal, release } = linkSignals(callerSignal, lifetime.signal)
 * try { await fetch(url, { signal }) } finally { release() }
 */
export function linkSignals(...sources: (AbortSignal | undefined)[]): {
  signal: AbortSignal
  release(): void
} {
  const controller = new AbortController()
  const detach: (() => void)[] = []
  for (const source of sources) {
    if (source === undefined) continue
    if (source.aborted) {
      controller.abort(source.reason)
      break
    }
    const onAbort = (): void => controller.abort(source.reason)
    source.addEventListener('abort', onAbort, { once: true })
    detach.push(() => source.removeEventListener('abort', onAbort))
  }
  return { signal: controller.signal, release: () => detach.forEach((remove) => remove()) }
}
