import { describe, expect, it } from 'vitest'
import { VideoApiError, VideoClientError } from '../errors'
import { createMutation, type VideoMutationState } from './mutation'

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('createMutation', () => {
  it('moves idle → pending → success and tells subscribers each time', async () => {
    const call = deferred<string>()
    const mutation = createMutation((n: number) => call.promise.then((v) => `${v}${n}`))
    const seen: VideoMutationState<number, string>[] = []
    mutation.subscribe((s) => seen.push(s))
    expect(mutation.getState()).toMatchObject({ status: 'idle', isPending: false })
    const done = mutation.mutateAsync(1)
    expect(mutation.getState()).toMatchObject({ status: 'pending', isPending: true, variables: 1 })
    call.resolve('ok')
    await expect(done).resolves.toBe('ok1')
    expect(mutation.getState()).toMatchObject({
      status: 'success',
      data: 'ok1',
      error: undefined,
      variables: 1,
    })
    expect(seen.map((s) => s.status)).toEqual(['pending', 'success'])
  })

  it('puts a failure in error (typed) and rejects mutateAsync, while mutate never rejects', async () => {
    const failure = new VideoApiError({ status: 500, message: 'boom' })
    const mutation = createMutation(() => Promise.reject(failure))
    await expect(mutation.mutateAsync(undefined)).rejects.toBe(failure)
    expect(mutation.getState()).toMatchObject({ status: 'error', error: failure })
    mutation.mutate(undefined)
    await Promise.resolve()
    const plain = createMutation(() => Promise.reject(new Error('not ours')))
    await plain.mutateAsync(undefined).catch(() => undefined)
    expect(plain.getState().error).toBeInstanceOf(VideoClientError)
  })

  it('reflects only the latest call, and reset forgets it', async () => {
    const first = deferred<string>()
    const second = deferred<string>()
    const calls = [first, second]
    const mutation = createMutation(
      (_: string) => (calls.shift() as ReturnType<typeof deferred<string>>).promise,
    )
    const a = mutation.mutateAsync('a')
    const b = mutation.mutateAsync('b')
    second.resolve('B')
    await b
    first.resolve('A')
    await a
    expect(mutation.getState()).toMatchObject({ data: 'B', variables: 'b' })
    const idle = (mutation.reset(), mutation.getState())
    expect(idle).toMatchObject({ status: 'idle', data: undefined, variables: undefined })
    mutation.reset()
    expect(mutation.getState()).toBe(idle)
  })
})
