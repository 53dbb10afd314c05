import { progressReadable } from '@vidjob/core/bindings'
import { useMemo } from 'react'
import { useReadable } from './use-readable'
import { useVideoClient } from './video-client-provider'

/**
 * Only the progress (0–100) of a job: the component re-renders when the number moves, not when other
 * fields (ETA, polling flags) change. A `null` or `undefined` id gives 0 and sends nothing.
 *
 * @example
 * function Bar({ id }: { id: string }) {
 *   const progress = useVideoProgress(id)
 *   return <progress max={100} value={progress} />
 * }
 */
export function useVideoProgress(id: string | null | undefined): number {
  const client = useVideoClient()
  return useReadable(useMemo(() => progressReadable(client, id), [client, id]))
}
