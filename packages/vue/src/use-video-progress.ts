import { progressReadable } from '@vidjob/core/bindings'
import { toValue, type ShallowRef } from 'vue'
import type { VideoIdSource } from './use-video-job'
import { useReadable } from './use-readable'
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
  const source = (): string | undefined => toValue(id) ?? undefined
  return useReadable(source, (key) => progressReadable(client, key)).state
}
