import type { Observable } from 'rxjs'
import { computed, shallowRef, type ComputedRef, type ShallowRef, type WatchSource } from 'vue'
import { connectWhileActive, type Disconnect } from './connect-while-active'

/**
 * A live state ref and the promise of its first settled value.
 *
 * @example const { state, suspense } = useLiveState(source, read, observe)
 */
export interface LiveState<K, T> {
  readonly state: Readonly<ShallowRef<T>>
  /**
   * Waits for `load(key)` of the current key, then writes the latest state into `state` (also where nothing
   * is live, as in server rendering) and resolves with it; rejects with `load`'s error.
   */
  suspense(load: (key: K) => Promise<unknown>): Promise<T>
}

/**
 * One `shallowRef` holding the latest state of `source`'s key: the synchronous snapshot until the scope
 * goes live (and again once it ends), then every state `observe(key)` emits. Core's states are immutable and stable, so the ref is
 * shallow: they are never deep-proxied, and `===` still tells whether anything changed. Keys are compared
 * with `same` (default `Object.is`).
 *
 * @example
 * const { state } = useLiveState(() => toValue(id), (key) => client.getJob(key), (key) => client.job$(key))
 */
export function useLiveState<K, T>(
  source: WatchSource<K> & (() => K),
  read: (key: K) => T,
  observe: (key: K) => Observable<T> | undefined,
  same?: (a: K, b: K) => boolean,
): LiveState<K, T> {
  const state = shallowRef(read(source()))
  const connect = (key: K): Disconnect => {
    const observable = observe(key)
    if (!observable) state.value = read(key)
    const subscription = observable?.subscribe((next) => (state.value = next))
    return () => {
      subscription?.unsubscribe()
      // Back to the snapshot, so nothing released (a revoked object URL) stays in the ref.
      state.value = read(key)
    }
  }
  connectWhileActive(source, connect, same)
  return {
    state,
    async suspense(load) {
      const key = source()
      await load(key)
      const latest = read(key)
      if (Object.is(source(), key)) state.value = latest
      return latest
    },
  }
}

/** A read-only computed ref per field of a state ref. @example const refs: FieldRefs<VideoJobState> = fieldRefs(state) */
export type FieldRefs<T> = { readonly [P in keyof T]-?: ComputedRef<T[P]> }

/**
 * Derives one computed per field of the state (core's states always carry every field, `undefined`
 * included), so a template that reads `progress` re-renders when the progress changes, not on every
 * change of the job.
 *
 * @example
 * const { status, progress } = fieldRefs(state)
 */
export function fieldRefs<T extends object>(state: Readonly<ShallowRef<T>>): FieldRefs<T> {
  const keys = Object.keys(state.value) as (keyof T)[]
  return Object.fromEntries(keys.map((key) => [key, computed(() => state.value[key])])) as FieldRefs<T>
}
