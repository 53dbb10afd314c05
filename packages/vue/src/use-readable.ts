import type { Readable } from '@vidjob/core/bindings'
import { computed, shallowRef, type ComputedRef, type ShallowRef, type WatchSource } from 'vue'
import { connectWhileActive } from './connect-while-active'

/** A readable's state in a shallow ref, and a way to wait for a load before reading it. */
export interface ReadableRef<K, T> {
  readonly state: Readonly<ShallowRef<T>>
  /** Waits for `load(key)` of the current key, then writes the state into `state` and resolves with it. */
  settle(load: (key: K) => Promise<unknown>): Promise<T>
}

/**
 * The Vue twin of React's `useSyncExternalStore` over core's binding protocol: a shallow ref that holds
 * the readable of the source's current key, its server state until the calling scope goes live (and again
 * once it ends), then every state while subscribed; a changed key (by `same`) switches the subscription.
 * Core's states are immutable and identity-stable, so the ref is shallow and `===` still tells a change.
 */
export function useReadable<K, T>(
  source: WatchSource<K> & (() => K),
  readableOf: (key: K) => Readable<T>,
  same?: (a: K, b: K) => boolean,
): ReadableRef<K, T> {
  const state = shallowRef(readableOf(source()).getServerState())
  connectWhileActive(
    source,
    (key) => {
      const readable = readableOf(key)
      const unsubscribe = readable.subscribe((next) => (state.value = next))
      state.value = readable.getState()
      return () => {
        unsubscribe()
        // Back to the server state, so nothing released (a revoked object URL) stays in the ref.
        state.value = readable.getServerState()
      }
    },
    same,
  )
  return {
    state,
    async settle(load) {
      const key = source()
      await load(key)
      const latest = readableOf(key).getServerState()
      if (Object.is(source(), key)) state.value = latest
      return latest
    },
  }
}

/** A read-only computed ref per field of a state ref. */
export type FieldRefs<T> = { readonly [P in keyof T]-?: ComputedRef<T[P]> }

/**
 * One computed per field of the state (core's states always carry every field, `undefined` included), so
 * a template that reads `progress` re-renders when the progress changes, not on every change of the job.
 */
export function fieldRefs<T extends object>(state: Readonly<ShallowRef<T>>): FieldRefs<T> {
  const keys = Object.keys(state.value) as (keyof T)[]
  return Object.fromEntries(keys.map((key) => [key, computed(() => state.value[key])])) as FieldRefs<T>
}
