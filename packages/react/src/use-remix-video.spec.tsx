import { act, renderHook } from '@testing-library/react'
import { VideoApiError } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { setup } from './test-support'
import { useRemixVideo } from './use-remix-video'

describe('useRemixVideo', () => {
  it('starts a new job from a completed video', async () => {
    const h = setup()
    const source = h.api.jobs.complete(h.api.jobs.create({ prompt: 'a beach' }).id)
    const { result } = renderHook(() => useRemixVideo(), { wrapper: h.wrapper })

    await act(async () => result.current.mutate({ id: source.id, prompt: 'the same beach at night' }))

    expect(result.current.status).toBe('success')
    expect(result.current.data).toMatchObject({
      prompt: 'the same beach at night',
      remixed_from_video_id: source.id,
    })
    expect(h.api.log.find((entry) => entry.endpoint === 'remix')?.id).toBe(source.id)
  })

  it('reports the server refusing an unknown source', async () => {
    const h = setup()
    const { result } = renderHook(() => useRemixVideo(), { wrapper: h.wrapper })
    await act(async () => result.current.mutate({ id: 'video_missing', prompt: 'anything' }))
    expect(result.current.error).toBeInstanceOf(VideoApiError)
    expect(result.current.error).toMatchObject({ status: 404 })
  })
})
