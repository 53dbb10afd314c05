import type { VideoJobState } from '@vidjob/core'
import { jobReadable } from '@vidjob/core/bindings'
import { useMemo } from 'react'
import { useReadable } from './use-readable'
import { useVideoClient } from './video-client-provider'

/** What {@link useVideoJob} returns: the job's whole state. */
export type UseVideoJobResult = VideoJobState

/**
 * The live state of one job. While mounted, the client's shared poller keeps the job fresh (one request
 * per interval however many components read it); the component re-renders only when this job's state
 * changes. A `null` or `undefined` id gives core's idle state and sends nothing.
 *
 * @example
 * function JobBadge({ id }: { id: string }) {
 *   const { status, progress, failure } = useVideoJob(id)
 *   if (failure) return <span role="alert">{failure.message}</span>
 *   return <span>{status ?? 'loading'} {progress}%</span>
 * }
 */
export function useVideoJob(id: string | null | undefined): UseVideoJobResult {
  const client = useVideoClient()
  return useReadable(useMemo(() => jobReadable(client, id), [client, id]))
}
