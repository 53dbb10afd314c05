import type { VideoJobState } from '@vidjob/core'
import { useJobSnapshot } from './use-job-snapshot'

const progressOf = (state: VideoJobState): number => state.progress

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
  return useJobSnapshot(id, progressOf, 0)
}
