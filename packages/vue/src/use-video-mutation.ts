import type { VideoMutation, VideoMutationState } from '@vidjob/core/bindings'
import { shallowRef, type ShallowRef } from 'vue'
import { fieldRefs, type FieldRefs } from './use-readable'

/**
 * A client call that changes something (create, remix, delete), with its state as refs: `status`,
 * `isPending`, `error`, `data` and `variables` (what the latest call was given). `mutate` is fire and forget
 * (a failure lands in `error`, never as an unhandled rejection); `mutateAsync` rejects on failure. Only the
 * latest call writes the refs.
 */
export interface UseVideoMutationResult<TVariables, TData>
  extends
    FieldRefs<VideoMutationState<TVariables, TData>>,
    Pick<VideoMutation<TVariables, TData>, 'mutate' | 'mutateAsync' | 'reset'> {
  /** The whole immutable state, in one shallow ref. */
  readonly state: Readonly<ShallowRef<VideoMutationState<TVariables, TData>>>
}

/** Core's mutation state machine as refs. Nothing to release: the mutation lives and dies with the caller. */
export function useVideoMutation<TVariables, TData>(
  mutation: VideoMutation<TVariables, TData>,
): UseVideoMutationResult<TVariables, TData> {
  const state = shallowRef(mutation.getState())
  mutation.subscribe((next) => (state.value = next))
  const { mutate, mutateAsync, reset } = mutation
  return { state, ...fieldRefs(state), mutate, mutateAsync, reset }
}
