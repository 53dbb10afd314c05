import { act, render, renderHook, screen } from '@testing-library/react'
import { VideoValidationError } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { setup } from './test-support'
import { useCreateVideo } from './use-create-video'
import { useVideoList } from './use-video-list'

function CreateAndList({ prompt }: { prompt: string }) {
  const { videos } = useVideoList()
  const create = useCreateVideo()
  return (
    <>
      <button onClick={() => create.mutate({ prompt, seconds: '8' })}>Create</button>
      <output>{create.status}</output>
      {create.error && <p role="alert">{create.error.message}</p>}
      <ul>
        {videos.map((video) => (
          <li key={video.id}>{video.prompt}</li>
        ))}
      </ul>
    </>
  )
}

describe('useCreateVideo', () => {
  it('creates a job that appears at the head of the newest-first list', async () => {
    const h = setup()
    h.api.jobs.create({ prompt: 'older' })
    render(<CreateAndList prompt="A lighthouse at dawn" />, { wrapper: h.wrapper })
    await h.advance(0)

    act(() => screen.getByRole('button', { name: 'Create' }).click())
    expect(screen.getByRole('status').textContent).toBe('pending')
    await h.advance(0)

    expect(screen.getByRole('status').textContent).toBe('success')
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'A lighthouse at dawn',
      'older',
    ])
    expect(h.api.log.find((entry) => entry.endpoint === 'create')?.status).toBe(200)
  })

  it('refuses an empty prompt with the schema issues and sends nothing', async () => {
    const h = setup()
    const { result } = renderHook(() => useCreateVideo(), { wrapper: h.wrapper })
    await act(async () => result.current.mutate({ prompt: '' }))

    const { error } = result.current
    expect(error).toBeInstanceOf(VideoValidationError)
    expect(error instanceof VideoValidationError && error.issues.map((issue) => issue.message)).toEqual([
      'prompt must not be empty',
    ])
    expect(h.requests('create')).toBe(0)
  })

  it('returns the created video from mutateAsync and as data', async () => {
    const h = setup()
    const { result } = renderHook(() => useCreateVideo(), { wrapper: h.wrapper })
    let created: unknown
    await act(async () => {
      created = await result.current.mutateAsync({ prompt: 'Waves at dusk', size: '1280x720' })
    })
    expect(result.current.data).toBe(created)
    expect(result.current.data).toMatchObject({ prompt: 'Waves at dusk', size: '1280x720', status: 'queued' })
  })
})
