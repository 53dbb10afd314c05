import {
  createMutation,
  type VideoClient,
  type VideoMutation as CoreMutation,
  type VideoMutationState,
  type VideoMutationStatus,
} from '@vidjob/core'
import { useMemo, useSyncExternalStore } from 'react'
import { useVideoClient } from './video-client-provider'

export type { VideoMutationStatus }

/**
 * A call to the client that changes something (create, remix, delete), with its state for the UI: core's
 * `createMutation` state plus its functions. Only the latest call is reflected.
 *
 * @example
 * const remove: VideoMutation<string, void> = useDeleteVideo()
 * remove.mutate(id)
 * if (remove.error && remove.variables === id) showError(remove.error.message)
 */
export type VideoMutation<TVariables, TData> = VideoMutationState<TVariables, TData> &
  Pick<CoreMutation<TVariables, TData>, 'mutate' | 'mutateAsync' | 'reset'>

/**
 * Subscribes a component to one core mutation per client. `run` must be a module-level function, so
 * `mutate`, `mutateAsync` and `reset` keep their identity for the lifetime of the client.
 *
 * @example
 * const create = (client: VideoClient, params: CreateVideoParams) => client.create(params)
 * export const useCreateVideo = () => useVideoMutation(create)
 */
export function useVideoMutation<TVariables, TData>(
  run: (client: VideoClient, variables: TVariables) => Promise<TData>,
): VideoMutation<TVariables, TData> {
  const client = useVideoClient()
  const mutation = useMemo(
    () => createMutation((variables: TVariables) => run(client, variables)),
    [client, run],
  )
  const state = useSyncExternalStore(mutation.subscribe, mutation.getState, mutation.getState)
  return useMemo(
    () => ({ ...state, mutate: mutation.mutate, mutateAsync: mutation.mutateAsync, reset: mutation.reset }),
    [state, mutation],
  )
}
