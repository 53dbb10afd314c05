import { createMutation, type VideoMutation, type VideoMutationState } from '@vidjob/core'
import { shallowRef, type ShallowRef } from 'vue'
import { fieldRefs, type FieldRefs } from './live-state'

/**
 * A client call that changes something (create, remix, delete), with its state as refs: `status`,
 * `isPending`, `error`, `data` and `variables` (what the latest call was given). `mutate` is fire and forget
 * (a failure lands in `error`, never as an unhandled rejection); `mutateAsync` rejects on failure. Only the
 * latest call writes the refs.
 *
 * @example
 * const create: UseVideoMutationReturn<CreateVideoParams, Video> = useCreateVideo()
 * create.mutate({ prompt: 'A lighthouse in a storm' })
 */
export interface UseVideoMutationReturn<TVariables, TData>
  extends
    FieldRefs<VideoMutationState<TVariables, TData>>,
    Pick<VideoMutation<TVariables, TData>, 'mutate' | 'mutateAsync' | 'reset'> {
  /** The whole immutable state, in one shallow ref. */
  readonly state: Readonly<ShallowRef<VideoMutationState<TVariables, TData>>>
}

/**
 * Core's mutation state machine (`createMutation`) as refs. Nothing to release: the mutation lives and
 * dies with the caller.
 *
 * @example
 * const remove = useMutation((id: string) => client.delete(id))
 */
export function useMutation<TVariables, TData>(
  run: (variables: TVariables) => Promise<TData>,
): UseVideoMutationReturn<TVariables, TData> {
  const mutation = createMutation(run)
  const state = shallowRef(mutation.getState())
  mutation.subscribe((next) => (state.value = next))
  const { mutate, mutateAsync, reset } = mutation
  return { state, ...fieldRefs(state), mutate, mutateAsync, reset }
}
