import type { VideoClient } from '@vidjob/core'
import type { VideoMutation, VideoMutationState } from '@vidjob/core/bindings'
import { useMemo } from 'react'
import { useReadable } from './use-readable'
import { useVideoClient } from './video-client-provider'

/**
 * A call to the client that changes something (create, remix, delete), with its state for the UI: core's
 * mutation state plus its functions. Only the latest call is reflected.
 */
export type UseVideoMutationResult<TVariables, TData> = VideoMutationState<TVariables, TData> &
  Pick<VideoMutation<TVariables, TData>, 'mutate' | 'mutateAsync' | 'reset'>

/**
 * Subscribes a component to one core mutation per client. `create` must be a module-level function, so
 * `mutate`, `mutateAsync` and `reset` keep their identity for the lifetime of the client.
 */
export function useVideoMutation<TVariables, TData>(
  create: (client: VideoClient) => VideoMutation<TVariables, TData>,
): UseVideoMutationResult<TVariables, TData> {
  const client = useVideoClient()
  const mutation = useMemo(() => create(client), [client, create])
  const state = useReadable(mutation)
  const { mutate, mutateAsync, reset } = mutation
  return useMemo(() => ({ ...state, mutate, mutateAsync, reset }), [state, mutate, mutateAsync, reset])
}
