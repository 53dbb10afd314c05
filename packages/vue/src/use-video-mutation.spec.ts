import { VideoClientError } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { isProxy } from 'vue'
import { createMutation } from '@vidjob/core/bindings'
import { useVideoMutation } from './use-video-mutation'

describe('useVideoMutation', () => {
  it("follows core's mutation state in refs, keeping the result as it is (not proxied)", async () => {
    const result = { id: 'video_1', nested: { ok: true } }
    let finish: (value: typeof result) => void = () => undefined
    const mutation = useVideoMutation(
      createMutation((_: string) => new Promise<typeof result>((resolve) => (finish = resolve))),
    )
    mutation.mutate('go')
    expect([mutation.status.value, mutation.isPending.value, mutation.variables.value]).toEqual([
      'pending',
      true,
      'go',
    ])
    finish(result)
    await Promise.resolve()
    expect(mutation.status.value).toBe('success')
    expect(mutation.data.value).toBe(result)
    expect(isProxy(mutation.data.value)).toBe(false)
  })

  it('puts a failure in `error` as a VideoClientError and goes back to idle on reset', async () => {
    const mutation = useVideoMutation(
      createMutation((_: string): Promise<void> => Promise.reject(new VideoClientError('bad id'))),
    )
    await expect(mutation.mutateAsync('..')).rejects.toThrow('bad id')
    expect(mutation.error.value?.message).toBe('bad id')
    mutation.reset()
    expect(mutation.state.value).toMatchObject({ status: 'idle', error: undefined, variables: undefined })
  })
})
