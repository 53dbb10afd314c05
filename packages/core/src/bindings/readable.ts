/**
 * The protocol both framework bindings are built on (the shape of zustand's and TanStack Query's stores):
 * a state that can be read at any time and subscribed to. Subscribing is what makes it live (a job is
 * polled, a list loads, a download starts); the state keeps its identity while nothing changes, so `===`
 * tells a binding whether to render again.
 */
export interface Readable<T> {
  /** The state to render now. */
  getState(): T
  /** The state to render where nothing will subscribe (server rendering): reading it has no effect. */
  getServerState(): T
  /** Calls `listener` with each new state (possibly the current one at once); returns the unsubscribe. */
  subscribe(listener: (state: T) => void): () => void
}

const noop = (): void => undefined

/** A readable that never changes. */
export function constantReadable<T>(state: T): Readable<T> {
  const read = (): T => state
  return { getState: read, getServerState: read, subscribe: () => noop }
}

/** A part of a readable's state that notifies only when that part changes (`Object.is`). */
export function selectReadable<T, U>(readable: Readable<T>, select: (state: T) => U): Readable<U> {
  return {
    getState: () => select(readable.getState()),
    getServerState: () => select(readable.getServerState()),
    subscribe(listener) {
      let last: { value: U } | undefined
      return readable.subscribe((state) => {
        const value = select(state)
        if (last !== undefined && Object.is(last.value, value)) return
        last = { value }
        listener(value)
      })
    },
  }
}
