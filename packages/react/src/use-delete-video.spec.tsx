import { act, render, screen, within } from '@testing-library/react'
import { VideoApiError } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { setup } from './test-support'
import { useDeleteVideo } from './use-delete-video'
import { useVideoList } from './use-video-list'

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
