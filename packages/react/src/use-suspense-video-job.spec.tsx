import { render, screen } from '@testing-library/react'
import { VideoApiError, VideoClientError } from '@vidjob/core'
import { Suspense } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Boundary, recorder, setup } from '../test/test-support'
import { useSuspenseVideoJob } from './use-suspense-video-job'

function Title({ id }: { id: string }) {
  const { video, progress } = useSuspenseVideoJob(id)
  return (
    <h2>
      {video.prompt} {progress}
    </h2>
  )
}

function Detail({ id, onError }: { id: string; onError: (error: unknown) => void }) {
  return (
    <Boundary onError={onError}>
      <Suspense fallback={<p>Loading…</p>}>
        <Title id={id} />
      </Suspense>
    </Boundary>
  )
}

describe('useSuspenseVideoJob', () => {
  it('shows the fallback until the first data arrives, then the job, live', async () => {
    const h = setup({ mock: { queueMs: 0, renderMs: 10_000 } })
    const job = h.api.jobs.create({ prompt: 'A fox in snow' })
    const caught = recorder<unknown>()
    render(<Detail id={job.id} onError={caught.record} />, { wrapper: h.wrapper })
    expect(screen.getByText('Loading…')).toBeTruthy()

    await h.advance(0)
    expect(screen.getByRole('heading').textContent).toBe('A fox in snow 0')
    await h.advance(11_000)

    expect(screen.getByRole('heading').textContent).toBe('A fox in snow 100')
    expect(caught.values).toEqual([])
  })

  it('sends one request for the first load however often React retries the render', async () => {
    const h = setup()
    const job = h.api.jobs.create({ prompt: 'once' })
    render(
      <>
        <Detail id={job.id} onError={() => {}} />
        <Detail id={job.id} onError={() => {}} />
      </>,
      { wrapper: h.wrapper },
    )
    await h.advance(0)
    expect(screen.getAllByRole('heading')).toHaveLength(2)
    expect(h.requests('retrieve', job.id)).toBe(1)
  })

  it('throws the VideoApiError of an unknown id to the error boundary', async () => {
    const h = setup()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const caught = recorder<unknown>()
    render(<Detail id="video_unknown" onError={caught.record} />, { wrapper: h.wrapper })
    await h.advance(0)

    expect(caught.last()).toBeInstanceOf(VideoApiError)
    expect(caught.last()).toMatchObject({ status: 404 })
    expect(screen.getByRole('alert').textContent).toMatch(/^VideoApiError: /)
  })

  it('throws when the job was deleted before it ever loaded', async () => {
    const h = setup()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const job = h.api.jobs.create({ prompt: 'gone' })
    void h.client.delete(job.id)
    const caught = recorder<unknown>()
    render(<Detail id={job.id} onError={caught.record} />, { wrapper: h.wrapper })
    await h.advance(0)

    expect(caught.last()).toBeInstanceOf(VideoClientError)
    expect(screen.getByRole('alert').textContent).toBe(
      `VideoClientError: Video ${job.id} was deleted before it loaded.`,
    )
  })
})
