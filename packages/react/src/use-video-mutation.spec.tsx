import { act, renderHook } from '@testing-library/react'
import { VideoApiError, VideoClientError, type VideoClient } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { setup } from '../test/test-support'
import { createMutation } from '@vidjob/core/bindings'
import { useVideoMutation, type UseVideoMutationResult } from './use-video-mutation'

/** A mutation factory (module-level in real hooks) over a call that takes the client. */
const mutationOf =
  <T,>(run: (client: VideoClient, variables: string) => Promise<T>) =>
  (client: VideoClient) =>
    createMutation((variables: string) => run(client, variables))

/** A mutation whose calls the test settles by hand. */
function deferredCalls() {
  const calls: { variables: string; resolve: (value: string) => void; reject: (error: unknown) => void }[] =
    []
  const run = (_client: VideoClient, variables: string) =>
    new Promise<string>((resolve, reject) => calls.push({ variables, resolve, reject }))
  return { calls, run }
}

function renderMutation(run: (client: VideoClient, variables: string) => Promise<string>) {
  const h = setup()
  const states: UseVideoMutationResult<string, string>[] = []
  const create = mutationOf(run)
  const hook = renderHook(
    () => {
      const mutation = useVideoMutation(create)
      states.push(mutation)
      return mutation
    },
    { wrapper: h.wrapper },
  )
  return { ...hook, states, current: () => hook.result.current }
}

describe('useVideoMutation', () => {
  it('goes idle → pending → success with the data and the variables', async () => {
    const { calls, run } = deferredCalls()
    const m = renderMutation(run)
    expect(m.current()).toMatchObject({ status: 'idle', isPending: false, data: undefined, error: undefined })

    act(() => m.current().mutate('a'))
    expect(m.current()).toMatchObject({ status: 'pending', isPending: true, variables: 'a' })
    await act(async () => calls[0]?.resolve('done'))

    expect(m.current()).toMatchObject({ status: 'success', isPending: false, data: 'done', variables: 'a' })
    expect(m.states.map((state) => state.status)).toEqual(['idle', 'pending', 'success'])
  })

  it('goes to error without throwing from mutate, while mutateAsync rejects', async () => {
    const failure = new VideoApiError({ status: 500, message: 'boom' })
    const run = () => Promise.reject(failure)
    const m = renderMutation(run)

    await act(async () => m.current().mutate('a'))
    expect(m.current()).toMatchObject({ status: 'error', error: failure, data: undefined })

    let rejected: unknown
    await act(() =>
      m
        .current()
        .mutateAsync('b')
        .catch((error: unknown) => void (rejected = error)),
    )
    expect(rejected).toBe(failure)
    expect(m.current().variables).toBe('b')
  })

  it('wraps a failure that is not a VideoClientError, keeping it as the cause', async () => {
    const cause = new TypeError('body stream broke')
    const m = renderMutation(() => Promise.reject(cause))
    await act(async () => m.current().mutate('a'))
    const { error } = m.current()
    expect(error).toBeInstanceOf(VideoClientError)
    expect(error?.message).toContain('body stream broke')
    expect(error?.cause).toBe(cause)
  })

  it('shows only the latest call, and nothing of a call made before reset', async () => {
    const { calls, run } = deferredCalls()
    const m = renderMutation(run)
    act(() => m.current().mutate('first'))
    act(() => m.current().mutate('second'))
    await act(async () => calls[1]?.resolve('second done'))
    await act(async () => calls[0]?.resolve('first done'))
    expect(m.current()).toMatchObject({ status: 'success', data: 'second done', variables: 'second' })

    act(() => m.current().mutate('third'))
    act(() => m.current().reset())
    await act(async () => calls[2]?.reject(new VideoClientError('late')))
    expect(m.current()).toMatchObject({
      status: 'idle',
      error: undefined,
      data: undefined,
      variables: undefined,
    })
  })

  it('calls the client of the provider, and the new one once the provider switches clients', async () => {
    const first = setup()
    const second = setup()
    const called: VideoClient[] = []
    const run = (client: VideoClient, variables: string) => {
      called.push(client)
      return Promise.resolve(variables)
    }
    let provider = first.wrapper
    const create = mutationOf(run)
    const { result, rerender } = renderHook(() => useVideoMutation(create), {
      wrapper: ({ children }) => provider({ children }),
    })
    await act(() => result.current.mutateAsync('a'))
    provider = second.wrapper
    rerender()
    await act(() => result.current.mutateAsync('b'))
    // Clients are compared by identity: two clients are structurally equal.
    expect(called.map((client) => [client === first.client, client === second.client])).toEqual([
      [true, false],
      [false, true],
    ])
  })

  it('keeps mutate, mutateAsync and reset stable across renders', async () => {
    const { calls, run } = deferredCalls()
    const m = renderMutation(run)
    act(() => m.current().mutate('a'))
    await act(async () => calls[0]?.resolve('done'))
    m.rerender()
    const [first, ...rest] = m.states
    for (const state of rest) {
      expect(state.mutate).toBe(first?.mutate)
      expect(state.mutateAsync).toBe(first?.mutateAsync)
      expect(state.reset).toBe(first?.reset)
    }
  })
})
