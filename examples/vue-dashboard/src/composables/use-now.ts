import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'

const now = shallowRef(Date.now())
let users = 0
let timer: ReturnType<typeof setInterval> | undefined

/**
 * The current time, ticking every second while any component uses it: one timer for the whole page, so
 * relative times and countdowns move together.
 *
 * @example
 * const now = useNow()
 * const age = computed(() => formatRelativeTime(createdAtMs, now.value))
 */
export function useNow(): Readonly<ShallowRef<number>> {
  if (users++ === 0) {
    now.value = Date.now()
    timer = setInterval(() => (now.value = Date.now()), 1_000)
  }
  onScopeDispose(() => {
    if (--users === 0) clearInterval(timer)
  })
  return now
}
