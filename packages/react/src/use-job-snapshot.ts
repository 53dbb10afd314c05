import type { VideoJobState } from '@vidjob/core'
import { useCallback, useSyncExternalStore } from 'react'
import { useVideoClient } from './video-client-provider'

const noop = (): void => {}

/**
 * Reads `select(client.getObservedJob(id))` and re-renders when that value changes. Subscribing to `job$` is what
 * makes the shared poller watch the job, and unsubscribing releases it, so the poller counts mounted
 * components. `select` and `idle` must be stable (module constants), or every render resubscribes.
 * The server snapshot is the plain cached read: rendering on a server sends nothing and polls nothing.
 *
 * @example
 * const progressOf = (state: VideoJobState) => state.progress
 * const progress = useJobSnapshot(id, progressOf, 0)
 */
export function useJobSnapshot<T>(
  id: string | null | undefined,
  select: (state: VideoJobState) => T,
  idle: T,
): T {
  const client = useVideoClient()
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (id === null || id === undefined) return noop
      const subscription = client.job$(id).subscribe(onChange)
      return () => subscription.unsubscribe()
    },
    [client, id],
  )
  // About to observe the job, the component renders the observed state from the start (one render, not
  // unobserved then observed); the server never observes, so it renders the plain one.
  const getSnapshot = useCallback(
    () => (id === null || id === undefined ? idle : select(client.getObservedJob(id))),
    [client, id, select, idle],
  )
  const getServerSnapshot = useCallback(
    () => (id === null || id === undefined ? idle : select(client.getJob(id))),
    [client, id, select, idle],
  )
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)
}
