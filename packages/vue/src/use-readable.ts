import type { Readable } from '@vidjob/core/bindings'
import {
  computed,
  getCurrentInstance,
  getCurrentScope,
  onMounted,
  onScopeDispose,
  shallowRef,
  watch,
  type ComputedRef,
  type ShallowRef,
  type WatchSource,
} from 'vue'
import { NO_CLIENT_OR_SCOPE } from './video-client-plugin'

/** A readable's state in a shallow ref, and a way to wait for a load before reading it. */
export interface ReadableRef<K, T> {
  readonly state: Readonly<ShallowRef<T>>
  /** Waits for `load(key)` of the current key, then writes the state into `state` and resolves with it. */
  settle(load: (key: K) => Promise<unknown> | undefined): Promise<T>
}

/**
 * The Vue twin of React's `useSyncExternalStore` over core's binding protocol: a shallow ref holding the
 * state of the readable of the source's current key. Core's states are immutable and identity-stable, so
 * the ref is shallow and `===` still tells a change.
 *
 * It subscribes while the calling scope lives in a browser, switches the subscription when the key changes
 * (keys are compared with `===`, so make them primitives or stable objects), and unsubscribes when the
 * scope is disposed; meanwhile the ref holds the server state. In a
 * component it subscribes on mount, so the server render and the hydrating client render show the same
 * cached state; in a bare `effectScope` or a Pinia store it subscribes at once. Where there is no `window`
 * (server rendering) it never subscribes, so nothing is requested or polled there.
 */
export function useReadable<K, T>(
  source: WatchSource<K> & (() => K),
  readableOf: (key: K) => Readable<T>,
): ReadableRef<K, T> {
  const scope = getCurrentScope()
  if (!scope) throw new Error(NO_CLIENT_OR_SCOPE)
  const state = shallowRef(readableOf(source()).getServerState())
  let disconnect: (() => void) | undefined
  // The watcher calls this for the first key and then only when the key changed.
  const connect = (key: K): void => {
    disconnect?.()
    const readable = readableOf(key)
    const unsubscribe = readable.subscribe((next) => (state.value = next))
    state.value = readable.getState()
    disconnect = () => {
      unsubscribe()
      disconnect = undefined
      // Back to the server state, so nothing released (a revoked object URL) stays in the ref.
      state.value = readable.getServerState()
    }
  }
  onScopeDispose(() => disconnect?.())
  if (typeof window !== 'undefined') {
    // The watcher is created in `scope` (not in whatever scope runs the mounted hook) so it stops with it.
    const start = (): void => void scope.run(() => watch(source, connect, { immediate: true }))
    const instance = getCurrentInstance()
    if (instance && !instance.isMounted) onMounted(() => scope.active && start())
    else start()
  }
  return {
    state,
    async settle(load) {
      const key = source()
      await load(key)
      const latest = readableOf(key).getServerState()
      if (source() === key) state.value = latest
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
