import { IDLE_JOB_STATE, type VideoJobState } from '@vidjob/core'
import { toValue, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { fieldRefs, useLiveState, type FieldRefs } from './live-state'
import { useVideoClient } from './video-client-plugin'

/** A job id, or nullish for "no job" (idle, nothing is requested). @example const id: VideoIdSource = () => route.params.id as string */
export type VideoIdSource = MaybeRefOrGetter<string | null | undefined>

/**
 * What {@link useVideoJob} returns: the whole state and a computed ref per field.
 *
 * @example const { status, progress }: UseVideoJobReturn = useVideoJob(id)
 */
export interface UseVideoJobReturn extends FieldRefs<VideoJobState> {
  /** The whole immutable state, in one shallow ref. */
  readonly state: Readonly<ShallowRef<VideoJobState>>
  /**
   * Resolves once the job has data (at once if cached, else after one request: `client.ensureJob`), rejects
   * with the request's typed error; for `await` in an `async setup()` under `<Suspense>`. A nullish id
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
export function useVideoJob(id: VideoIdSource): UseVideoJobReturn {
  const client = useVideoClient()
  const source = (): string | undefined => toValue(id) ?? undefined
  const read = (key: string | undefined): VideoJobState => (key ? client.getJob(key) : IDLE_JOB_STATE)
  const { state, suspense } = useLiveState(source, read, (key) => (key ? client.job$(key) : undefined))
  return {
    state,
    ...fieldRefs(state),
    suspense: () => suspense((key) => (key ? client.ensureJob(key) : Promise.resolve())),
  }
}
