import { toVideoClientError, type VideoClientError } from '../errors'
import type { Readable } from './readable'

/** Where a mutation stands. */
export type VideoMutationStatus = 'idle' | 'pending' | 'success' | 'error'

/**
 * The state of the latest call of a mutation (create, remix, delete), immutable and identity-stable
 * between changes, so bindings can hand it to `useSyncExternalStore` or a `shallowRef` as it is.
 */
export interface VideoMutationState<TVariables, TData> {
  readonly status: VideoMutationStatus
  readonly isPending: boolean
  readonly data: TData | undefined
  readonly error: VideoClientError | undefined
  /** What the latest call was given, e.g. the id being deleted, to show its error on the right row. */
  readonly variables: TVariables | undefined
}

/**
 * A framework-free mutation: the bindings' `useCreateVideo` & co. only subscribe to it. Only the latest
 * call is reflected: the answer of an earlier call, or of one made before `reset()`, leaves the state
 * alone (its `mutateAsync` promise still settles).
 */
export interface VideoMutation<TVariables, TData> extends Readable<VideoMutationState<TVariables, TData>> {
  /** Starts the call; never throws and never leaves an unhandled rejection: read `error` instead. */
  mutate(variables: TVariables): void
  /** Starts the call and returns its promise, which rejects with the error. */
  mutateAsync(variables: TVariables): Promise<TData>
  /** Back to `idle`, forgetting `data`, `error` and `variables`. */
  reset(): void
}

const IDLE: VideoMutationState<never, never> = Object.freeze({
  status: 'idle',
  isPending: false,
  data: undefined,
  error: undefined,
  variables: undefined,
})

/** Wraps an async call into a {@link VideoMutation}. */
export function createMutation<TVariables, TData>(
  run: (variables: TVariables) => Promise<TData>,
): VideoMutation<TVariables, TData> {
  let state: VideoMutationState<TVariables, TData> = IDLE
  let latest = 0
  const listeners = new Set<(state: VideoMutationState<TVariables, TData>) => void>()
  const publish = (next: VideoMutationState<TVariables, TData>): void => {
    state = next
    for (const listener of [...listeners]) listener(next)
  }
  const settle = (
    call: number,
    variables: TVariables,
    outcome: Pick<VideoMutationState<TVariables, TData>, 'status' | 'data' | 'error'>,
  ): void => {
    if (call === latest) publish({ ...outcome, isPending: outcome.status === 'pending', variables })
  }
  const mutateAsync = async (variables: TVariables): Promise<TData> => {
    const call = ++latest
    settle(call, variables, { status: 'pending', data: undefined, error: undefined })
    try {
      const data = await run(variables)
      settle(call, variables, { status: 'success', data, error: undefined })
      return data
    } catch (error) {
      settle(call, variables, { status: 'error', data: undefined, error: toVideoClientError(error) })
      throw error
    }
  }
  const getState = (): VideoMutationState<TVariables, TData> => state
  return {
    getState,
    getServerState: getState,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    mutateAsync,
    mutate(variables) {
      // The failure is in `error`; swallowing the rejection is what makes `mutate` safe to fire and forget.
      mutateAsync(variables).catch(() => undefined)
    },
    reset() {
      latest++
      if (state !== IDLE) publish(IDLE)
    },
  }
}
