import { useSyncExternalStore } from 'react'

const TICK_MS = 15_000
const listeners = new Set<() => void>()
let now = Date.now()
let timer: ReturnType<typeof setInterval> | undefined

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // One shared timer, running only while something shows a relative time.
  if (timer === undefined) {
    now = Date.now()
    timer = setInterval(() => {
      now = Date.now()
      listeners.forEach((notify) => notify())
    }, TICK_MS)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size > 0 || timer === undefined) return
    clearInterval(timer)
    timer = undefined
  }
}

const read = (): number => now

/**
 * The current time, refreshed every 15 s for "3 minutes ago" labels. Only the small components that call
 * it re-render on a tick, never the rows around them.
 *
 * @example
 * const now = useNow()
 * return <span>{formatTimeAgo(video.created_at, now)}</span>
 */
export function useNow(): number {
  return useSyncExternalStore(subscribe, read, read)
}
