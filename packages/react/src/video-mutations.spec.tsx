import { act, render, renderHook, screen, within } from '@testing-library/react'
import { VideoApiError, VideoValidationError } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { setup } from '../test/test-support'
import { useVideoList } from './use-video-list'
import { useCreateVideo, useDeleteVideo, useRemixVideo } from './video-mutations'

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

function Jobs() {
  const { videos } = useVideoList()
  const remove = useDeleteVideo()
  return (
    <>
      {remove.error && <p role="alert">Could not delete {`${remove.variables}: ${remove.error.message}`}</p>}
      <ul>
        {videos.map((video) => (
          <li key={video.id}>
            {video.prompt}
            <button onClick={() => remove.mutate(video.id)}>Delete</button>
          </li>
        ))}
      </ul>
    </>
  )
}

const prompts = () => screen.getAllByRole('listitem').map((item) => item.firstChild?.textContent)

async function showThree() {
  const h = setup()
  const ids = ['one', 'two', 'three'].map((prompt) => h.api.jobs.create({ prompt }).id)
  render(<Jobs />, { wrapper: h.wrapper })
  await h.advance(0)
  return { h, ids }
}

const clickDelete = (prompt: string) =>
  act(() =>
    within(screen.getByText(prompt).closest('li') as HTMLElement)
      .getByRole('button')
      .click(),
  )

describe('useDeleteVideo', () => {
  it('removes the row at once, before the request is sent, and keeps it gone', async () => {
    const { h, ids } = await showThree()
    expect(prompts()).toEqual(['three', 'two', 'one'])

    clickDelete('two')
    expect(prompts()).toEqual(['three', 'one'])
    expect(h.requests('delete')).toBe(0)
    await h.advance(10_000)

    expect(prompts()).toEqual(['three', 'one'])
    expect(h.requests('delete', ids[1])).toBe(1)
    expect(h.api.jobs.get(ids[1] ?? '')).toBeUndefined()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('brings the row back in its place with the error when the server refuses', async () => {
    const { h, ids } = await showThree()
    h.api.faults.next({ type: 'error', status: 500, message: 'storage is read-only' }, { endpoint: 'delete' })

    clickDelete('two')
    expect(prompts()).toEqual(['three', 'one'])
    await h.advance(0)

    expect(prompts()).toEqual(['three', 'two', 'one'])
    expect(screen.getByRole('alert').textContent).toBe(`Could not delete ${ids[1]}: storage is read-only`)
    expect(h.client.getJob(ids[1] ?? '').isDeleted).toBe(false)
  })

  it('rejects mutateAsync with the server error', async () => {
    const { h, ids } = await showThree()
    h.api.faults.next({ type: 'error', status: 503 }, { endpoint: 'delete' })
    let rejected: unknown
    function Deleter() {
      const { mutateAsync } = useDeleteVideo()
      return (
        <button onClick={() => void mutateAsync(ids[0] ?? '').catch((error) => (rejected = error))}>
          go
        </button>
      )
    }
    render(<Deleter />, { wrapper: h.wrapper })
    act(() => screen.getByRole('button', { name: 'go' }).click())
    await h.advance(0)
    expect(rejected).toBeInstanceOf(VideoApiError)
    expect(rejected).toMatchObject({ status: 503 })
  })
})
