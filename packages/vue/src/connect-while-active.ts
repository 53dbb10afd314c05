import {
  getCurrentInstance,
  getCurrentScope,
  onMounted,
  onScopeDispose,
  watch,
  type EffectScope,
  type WatchSource,
} from 'vue'

/** Undoes one connection. */
export type Disconnect = () => void

/**
 * Connects to `source`'s current key while the calling scope is live in a browser, reconnects whenever the
 * key changes (by `same`; the previous connection is undone first) and disconnects when the scope is disposed.
 *
 * Inside a component it connects on mount, so the server render and the hydrating client render show the
 * same cached state; in a bare `effectScope` or a Pinia store it connects at once. Where there is no
 * `window` (server rendering) it never connects, so nothing is requested or polled there.
 */
export function connectWhileActive<K>(
  source: WatchSource<K>,
  connect: (key: K) => Disconnect,
  same: (a: K, b: K) => boolean = Object.is,
): void {
  const scope = requireScope()
  let connected: { key: K; disconnect: Disconnect } | undefined
  const reconnect = (key: K): void => {
    if (connected && same(connected.key, key)) return
    connected?.disconnect()
    connected = { key, disconnect: connect(key) }
  }
  onScopeDispose(() => {
    connected?.disconnect()
    connected = undefined
  })
  if (typeof window === 'undefined') return
  // The watcher is created in `scope` (not in whatever scope runs the mounted hook) so it stops with it.
  const start = (): void => void scope.run(() => watch(source, reconnect, { immediate: true }))
  const instance = getCurrentInstance()
  if (instance && !instance.isMounted) onMounted(() => scope.active && start())
  else start()
}

function requireScope(): EffectScope {
  const scope = getCurrentScope()
  if (scope) return scope
  throw new Error(
    'vidjob composables must run inside setup(), an effectScope() or a Pinia store, so that their ' +
      'subscriptions are released when it ends.',
  )
}
