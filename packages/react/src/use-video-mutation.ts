import type { VideoClient, VideoClientError } from '@vidjob/core'
import { useCallback, useMemo, useRef, useState } from 'react'
import { asVideoClientError } from './as-video-client-error'
import { useVideoClient } from './video-client-provider'

/** Where a mutation stands: not called (or reset), running, or settled. @example if (create.status === 'success') close() */
export type VideoMutationStatus = 'idle' | 'pending' | 'success' | 'error'

/**
 * A call to the client that changes something (create, remix, delete), with its state for the UI.
 * Only the latest call is reflected: the answer of an earlier one, or of one made before `reset()`, is
 * ignored by the state (its `mutateAsync` promise still settles).
 *
 * @example
 * const remove: VideoMutation<string, void> = useDeleteVideo()
 * remove.mutate(id)
 * if (remove.error && remove.variables === id) showError(remove.error.message)
 */
export interface VideoMutation<TVariables, TData> {
  /** Starts the call; never throws and never leaves an unhandled rejection: read `error` instead. */
  mutate(variables: TVariables): void
  /** Starts the call and returns its promise, which rejects with the error. */
  mutateAsync(variables: TVariables): Promise<TData>
  readonly status: VideoMutationStatus
  readonly isPending: boolean
  readonly error: VideoClientError | undefined
  readonly data: TData | undefined
  /** What the latest call was given, e.g. the id being deleted, to show its error on the right row. */
  readonly variables: TVariables | undefined
  /** Back to `idle`, forgetting `data` and `error`. */
  reset(): void
}

interface Snapshot<TVariables, TData> {
  readonly status: VideoMutationStatus
  readonly data: TData | undefined
  readonly error: VideoClientError | undefined
  readonly variables: TVariables | undefined
}

const IDLE: Snapshot<never, never> = {
  status: 'idle',
  data: undefined,
  error: undefined,
  variables: undefined,
}

/**
 * The state machine shared by the mutation hooks. `run` must be a module-level function, so the returned
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
  const [state, setState] = useState<Snapshot<TVariables, TData>>(IDLE)
  const latest = useRef(0)

  const mutateAsync = useCallback(
    async (variables: TVariables): Promise<TData> => {
      const call = ++latest.current
      const publish = (next: Omit<Snapshot<TVariables, TData>, 'variables'>): void => {
        if (call === latest.current) setState({ ...next, variables })
      }
      publish({ status: 'pending', data: undefined, error: undefined })
      try {
        const data = await run(client, variables)
        publish({ status: 'success', data, error: undefined })
        return data
      } catch (error) {
        publish({ status: 'error', data: undefined, error: asVideoClientError(error) })
        throw error
      }
    },
    [client, run],
  )
  const mutate = useCallback(
    (variables: TVariables) => {
      // The failure is in `error`; swallowing the rejection here is what makes `mutate` safe to fire and forget.
      mutateAsync(variables).catch(() => {})
    },
    [mutateAsync],
  )
  const reset = useCallback(() => {
    latest.current++
    setState(IDLE)
  }, [])

  return useMemo(
    () => ({ ...state, isPending: state.status === 'pending', mutate, mutateAsync, reset }),
    [state, mutate, mutateAsync, reset],
  )
}
