import type { VideoJobState } from '@vidjob/core'
import { jobReadable, loadJob } from '@vidjob/core/bindings'
import { toValue, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { fieldRefs, useReadable, type FieldRefs } from './use-readable'
import { useVideoClient } from './video-client-plugin'

/** A job id, or nullish for "no job" (idle, nothing is requested). */
export type VideoIdSource = MaybeRefOrGetter<string | null | undefined>

/** What {@link useVideoJob} returns: the whole state and a computed ref per field. */
export interface UseVideoJobResult extends FieldRefs<VideoJobState> {
  /** The whole immutable state, in one shallow ref. */
  readonly state: Readonly<ShallowRef<VideoJobState>>
  /**
   * Resolves once the job has data (at once if cached, else after one request), rejects with the load's
   * typed error (core's `loadJob`); for `await` in an `async setup()` under `<Suspense>`. A nullish id
   * resolves at once with the idle state.
   */
  suspense(): Promise<VideoJobState>
}

/**
 * The live state of one job, kept fresh by the client's shared poller while the calling scope lives.
 * A changed id switches the subscription; a nullish id is idle. During server rendering nothing is
 * requested and the cached (or idle) state is rendered.
 *
 * @example
 * // <script setup lang="ts">
 * const props = defineProps<{ id: string }>()
 * const { status, progress, eta, failure } = useVideoJob(() => props.id)
 */
export function useVideoJob(id: VideoIdSource): UseVideoJobResult {
  const client = useVideoClient()
  const source = (): string | undefined => toValue(id) ?? undefined
  const { state, settle } = useReadable(source, (key) => jobReadable(client, key))
  return {
    state,
    ...fieldRefs(state),
    suspense: () => settle((key) => (key ? loadJob(client, key) : undefined)),
  }
}
