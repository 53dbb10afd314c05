import { IDLE_JOB_STATE } from '@vidjob/core/bindings'
import { render, screen } from '@testing-library/react'
import type { VideoJobState } from '@vidjob/core'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { recorder, setup } from '../test/test-support'
import { useVideoJob } from './use-video-job'

function Probe({
  id,
  onRender,
}: {
  id: string | null | undefined
  onRender?: (state: VideoJobState) => void
}) {
  const state = useVideoJob(id)
  onRender?.(state)
  return (
    <p data-testid={`job-${id ?? 'none'}`}>
      {state.status ?? 'unknown'} {state.progress}
    </p>
  )
}

const FIXED = { polling: { interval: 1_000 } }

describe('useVideoJob', () => {
  it('renders each state of the job, loading to completed, with progress never going back', async () => {
    const h = setup({ mock: { queueMs: 2_000, renderMs: 10_000 } })
    const job = h.api.jobs.create({ prompt: 'A paper boat in the rain' })
    const rendered = recorder<VideoJobState>()
    render(<Probe id={job.id} onRender={rendered.record} />, { wrapper: h.wrapper })

    await h.advance(0)
    expect(rendered.values.some((state) => state.isLoading)).toBe(true)
    expect(rendered.last()).toMatchObject({ status: 'queued', isLoading: false, isPolling: true })
    await h.advance(30_000)

    expect(rendered.last()).toMatchObject({
      status: 'completed',
      progress: 100,
      isTerminal: true,
      isPolling: false,
    })
    expect(screen.getByTestId(`job-${job.id}`).textContent).toBe('completed 100')
    const statuses = rendered.values.map((state) => state.status)
    expect(statuses).toContain('in_progress')
    const progress = rendered.values.map((state) => state.progress)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    // Each render is caused by a new state: the same snapshot is never rendered twice in a row.
    rendered.values.slice(1).forEach((state, index) => expect(state).not.toBe(rendered.values[index]))
  })

  it('mounts in two renders, loading then data, and in one when the job is cached', async () => {
    const h = setup({ mock: { latencyMs: 200 } })
    const fresh = h.api.jobs.create({ prompt: 'not cached' })
    const cached = h.api.jobs.create({ prompt: 'cached' })
    const loaded = h.client.ensureJob(cached.id)
    await h.advance(200)
    await loaded
    const freshRenders = recorder<VideoJobState>()
    const cachedRenders = recorder<VideoJobState>()
    render(
      <>
        <Probe id={fresh.id} onRender={freshRenders.record} />
        <Probe id={cached.id} onRender={cachedRenders.record} />
      </>,
      { wrapper: h.wrapper },
    )
    await h.advance(0)
    await h.advance(200)
    expect(freshRenders.values.map((s) => [s.isLoading, s.isPolling, s.status])).toEqual([
      [true, true, undefined],
      [false, true, 'queued'],
    ])
    expect(cachedRenders.values.map((s) => [s.isLoading, s.isPolling, s.status])).toEqual([
      [false, true, 'queued'],
    ])
  })

  it('polls a job once per interval however many components show it', async () => {
    const h = setup({ client: FIXED })
    const job = h.api.jobs.create({ prompt: 'shared' })
    render(
      <>
        {[1, 2, 3, 4, 5].map((n) => (
          <Probe key={n} id={job.id} />
        ))}
      </>,
      { wrapper: h.wrapper },
    )

    await h.advance(0)
    expect(h.requests('retrieve', job.id)).toBe(1)
    await h.advance(3_000)
    expect(h.requests('retrieve', job.id)).toBe(4)
    const shown = screen.getAllByTestId(`job-${job.id}`).map((node) => node.textContent)
    expect(shown).toEqual(Array(5).fill(`in_progress ${h.client.getJob(job.id).progress}`))
  })

  it('stops polling when the last component unmounts', async () => {
    const h = setup({ client: FIXED })
    const job = h.api.jobs.create({ prompt: 'leaves' })
    const first = render(<Probe id={job.id} />, { wrapper: h.wrapper })
    const second = render(<Probe id={job.id} />, { wrapper: h.wrapper })
    await h.advance(2_000)
    const whileMounted = h.requests('retrieve', job.id)

    first.unmount()
    await h.advance(2_000)
    expect(h.requests('retrieve', job.id)).toBe(whileMounted + 2)
    second.unmount()
    await h.advance(10_000)

    expect(h.requests('retrieve', job.id)).toBe(whileMounted + 2)
    expect(h.client.getJob(job.id).isPolling).toBe(false)
  })

  it('renders the idle state for a null or undefined id, and neither observes nor sends anything', async () => {
    const h = setup()
    const observe = vi.spyOn(h.client, 'job$')
    const rendered = recorder<VideoJobState>()
    const { rerender } = render(<Probe id={null} onRender={rendered.record} />, { wrapper: h.wrapper })
    await h.advance(5_000)
    rerender(<Probe id={undefined} onRender={rendered.record} />)
    await h.advance(5_000)

    expect(h.api.log).toHaveLength(0)
    expect(observe).not.toHaveBeenCalled()
    expect(rendered.values.length).toBeGreaterThan(0)
    rendered.values.forEach((state) => expect(state).toBe(IDLE_JOB_STATE))
  })

  it('switches the polled and the rendered job when the id changes', async () => {
    const h = setup({ client: FIXED })
    const a = h.api.jobs.create({ prompt: 'a' })
    const b = h.api.jobs.create({ prompt: 'b' })
    const rendered = recorder<VideoJobState>()
    const { rerender } = render(<Probe id={a.id} onRender={rendered.record} />, { wrapper: h.wrapper })
    await h.advance(1_000)
    const polledA = h.requests('retrieve', a.id)
    const rendersOfA = rendered.values.length

    rerender(<Probe id={b.id} onRender={rendered.record} />)
    await h.advance(3_000)

    // From the switch on, every render shows b, never a's state under b's id.
    expect(rendered.values.slice(rendersOfA).map((state) => state.id)).toEqual(
      Array(rendered.values.length - rendersOfA).fill(b.id),
    )
    expect(rendered.last()).toMatchObject({ status: 'in_progress', isPolling: true })
    expect(h.requests('retrieve', a.id)).toBe(polledA)
    expect(h.requests('retrieve', b.id)).toBe(4)
    expect(h.client.getJob(a.id).isPolling).toBe(false)
  })

  it('re-renders a component only when its own job changes', async () => {
    const h = setup({ client: FIXED })
    const live = h.api.jobs.create({ prompt: 'live' })
    const done = h.api.jobs.complete(h.api.jobs.create({ prompt: 'done' }).id)
    const renders = { live: 0, done: 0 }
    render(
      <>
        <Probe id={live.id} onRender={() => renders.live++} />
        <Probe id={done.id} onRender={() => renders.done++} />
      </>,
      { wrapper: h.wrapper },
    )
    await h.advance(100)
    const doneBefore = renders.done
    const liveBefore = renders.live

    await h.advance(10_000)

    expect(renders.live).toBeGreaterThan(liveBefore)
    expect(renders.done).toBe(doneBefore)
  })

  it('polls once per interval under StrictMode and releases everything on unmount', async () => {
    const h = setup({ client: FIXED })
    const job = h.api.jobs.create({ prompt: 'strict' })
    const { unmount } = render(
      <StrictMode>
        <Probe id={job.id} />
        <Probe id={job.id} />
      </StrictMode>,
      { wrapper: h.wrapper },
    )

    await h.advance(0)
    expect(h.requests('retrieve', job.id)).toBe(1)
    await h.advance(3_000)
    expect(h.requests('retrieve', job.id)).toBe(4)
    expect(h.api.log.every((entry) => entry.status === 200)).toBe(true)

    unmount()
    await h.advance(10_000)
    expect(h.requests('retrieve', job.id)).toBe(4)
    expect(h.client.getJob(job.id).isPolling).toBe(false)
  })
})
