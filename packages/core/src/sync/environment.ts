/**
 * Where the client runs: whether the page is visible and the network online. Polling pauses while
 * either is false and resumes at once on return. Injectable, like TanStack Query's focus/online managers.
 */
export interface VideoClientEnvironment {
  isVisible(): boolean
  isOnline(): boolean
  /** Calls `listener` whenever visibility or connectivity may have changed; returns an unsubscribe. */
  subscribe(listener: () => void): () => void
}

/** Polling goes on only while the page is visible and the network online. */
export function allowsPolling(environment: VideoClientEnvironment): boolean {
  return environment.isVisible() && environment.isOnline()
}

/**
 * Reads `document.visibilityState` and `navigator.onLine` and listens to their events; outside a browser
 * (Node, workers without a document) it is always visible and online.
 */
export function createBrowserEnvironment(): VideoClientEnvironment {
  const doc = typeof document === 'undefined' ? undefined : document
  const win = typeof window === 'undefined' ? undefined : window
  return {
    isVisible: () => doc?.visibilityState !== 'hidden',
    isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    subscribe(listener) {
      doc?.addEventListener('visibilitychange', listener)
      win?.addEventListener('online', listener)
      win?.addEventListener('offline', listener)
      return () => {
        doc?.removeEventListener('visibilitychange', listener)
        win?.removeEventListener('online', listener)
        win?.removeEventListener('offline', listener)
      }
    },
  }
}

/** A controllable environment, returned by {@link createManualEnvironment}. */
export interface ManualEnvironment extends VideoClientEnvironment {
  setVisible(visible: boolean): void
  setOnline(online: boolean): void
}

/**
 * An environment you drive by hand: for tests, React Native (wire AppState to `setVisible`) or servers.
 *
 * @example
 * const environment = createManualEnvironment()
 * const client = createVideoClient({ transport, environment })
 * environment.setVisible(false) // polling pauses
 */
export function createManualEnvironment(
  initial: { visible?: boolean; online?: boolean } = {},
): ManualEnvironment {
  let visible = initial.visible ?? true
  let online = initial.online ?? true
  const listeners = new Set<() => void>()
  const notify = (): void => listeners.forEach((listener) => listener())
  return {
    isVisible: () => visible,
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setVisible(next) {
      visible = next
      notify()
    },
    setOnline(next) {
      online = next
      notify()
    },
  }
}
