import type { Readable } from '@vidjob/core/bindings'
import { useSyncExternalStore } from 'react'

/**
 * Renders a readable of core's binding protocol: its state now, again whenever it changes, and its server
 * state when rendering on a server. Subscribing is what makes it live, so the readable must keep its
 * identity between renders (memoize it on what it is made of).
 */
export function useReadable<T>(readable: Readable<T>): T {
  return useSyncExternalStore(readable.subscribe, readable.getState, readable.getServerState)
}
