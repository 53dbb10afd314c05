import { toValue, type ShallowRef } from 'vue'
import { useLiveState } from './live-state'
import type { VideoIdSource } from './use-video-job'
import { useVideoClient } from './video-client-plugin'

/**
 * A job's progress (0–100, never decreasing) as a ref that changes only when the number does; it keeps the
 * job polled like {@link useVideoJob}. A nullish id reads 0.
 *
 * @example
 * // <script setup lang="ts">
 * const progress = useVideoProgress(() => props.id)
 * // <progress max="100" :value="progress" />
 */
export function useVideoProgress(id: VideoIdSource): Readonly<ShallowRef<number>> {
  const client = useVideoClient()
  const { state } = useLiveState(
    (): string | undefined => toValue(id) ?? undefined,
    (key) => (key ? client.getJob(key).progress : 0),
    (key) => (key ? client.progress$(key) : undefined),
  )
  return state
}
