import { act, render, screen } from '@testing-library/react'
import { VideoValidationError, type VideoListState } from '@vidjob/core'
import { memo, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Boundary, recorder, setup, type Harness } from '../test/test-support'
import { useVideoJob } from './use-video-job'
import { useVideoList, type UseVideoListResult } from './use-video-list'

const renders = new Map<string, number>()

const Row = memo(function Row({ id }: { id: string }) {
  const { status, progress } = useVideoJob(id)
  renders.set(id, (renders.get(id) ?? 0) + 1)
  return (
    <li data-testid="row">
      {id} {status} {progress}
    </li>
  )
})

function List({
  limit,
  order,
  onRender,
}: {
  limit?: number
  order?: 'asc' | 'desc'
  onRender?: (result: UseVideoListResult) => void
}) {
  const result = useVideoList({ limit, order })
  onRender?.(result)
  return (
    <ul>
      {result.videos.map((video) => (
        <Row key={video.id} id={video.id} />
      ))}
    </ul>
  )
}

/** The ids of the rendered rows, top to bottom. */
const shownIds = (): (string | undefined)[] =>
  screen.getAllByTestId('row').map((row) => row.textContent?.split(' ')[0])

/** Seeds `count` completed jobs, oldest first. */
function seedCompleted(h: Harness, count: number): string[] {
  return Array.from(
    { length: count },
    (_, n) => h.api.jobs.complete(h.api.jobs.create({ prompt: `job ${n}` }).id).id,
  )
}

describe('useVideoList', () => {
  it('shows the newest videos first and loads further pages on demand', async () => {
    const h = setup()
    const ids = seedCompleted(h, 5)
    const rendered = recorder<UseVideoListResult>()
    render(<List limit={2} onRender={rendered.record} />, { wrapper: h.wrapper })
    expect(rendered.values[0]).toMatchObject({ videos: [], isLoading: false })

    await h.advance(0)
    expect(rendered.values.some((result) => result.isLoading)).toBe(true)
    expect(rendered.last()?.videos.map((video) => video.id)).toEqual([ids[4], ids[3]])
    expect(rendered.last()?.hasMore).toBe(true)

    await act(() => rendered.last()?.fetchNextPage())
    await act(() => rendered.last()?.fetchNextPage())

    expect(shownIds()).toEqual([...ids].reverse())
    expect(rendered.last()?.hasMore).toBe(false)
    expect(h.requests('list')).toBe(3)
  })

  it('refresh reloads the loaded page: a video created elsewhere shows at the head once it resolves', async () => {
    const h = setup()
    const ids = seedCompleted(h, 3)
    const rendered = recorder<UseVideoListResult>()
    render(<List limit={2} onRender={rendered.record} />, { wrapper: h.wrapper })
    await h.advance(0)
    const elsewhere = h.api.jobs.create({ prompt: 'created by another tab' })

    await act(() => rendered.last()?.refresh())

    expect(shownIds()).toEqual([elsewhere.id, ids[2]])
    const lists = h.api.log.filter((entry) => entry.endpoint === 'list')
    expect(lists.map((entry) => entry.query.after)).toEqual([undefined, undefined])
  })

  it('follows a new limit and a new order', async () => {
    const h = setup()
    const ids = seedCompleted(h, 5)
    const { rerender } = render(<List limit={2} order="asc" />, { wrapper: h.wrapper })
    await h.advance(0)
    expect(shownIds()).toEqual(ids.slice(0, 2))

    rerender(<List limit={3} order="asc" />)
    await h.advance(0)
    expect(shownIds()).toEqual(ids.slice(0, 3))

    rerender(<List limit={3} order="desc" />)
    await h.advance(0)
    expect(shownIds()).toEqual(ids.slice(2).reverse())
    expect(h.requests('list')).toBe(3)
  })

  it('keeps fetchNextPage and refresh stable, and the result stable while the list is', async () => {
    const h = setup()
    seedCompleted(h, 3)
    const rendered = recorder<UseVideoListResult>()
    const { rerender } = render(<List limit={2} onRender={rendered.record} />, { wrapper: h.wrapper })
    await h.advance(0)
    rerender(<List limit={2} onRender={rendered.record} />)

    const [first, ...rest] = rendered.values
    rest.forEach((result) => {
      expect(result.fetchNextPage).toBe(first?.fetchNextPage)
      expect(result.refresh).toBe(first?.refresh)
    })
    expect(rendered.values.at(-1)).toBe(rendered.values.at(-2))
  })

  it('re-renders only the row whose job changed in a 100-row list', async () => {
    const h = setup({ mock: { queueMs: 0, renderMs: 100_000 } })
    seedCompleted(h, 99)
    const live = h.api.jobs.create({ prompt: 'the live one' })
    const states = recorder<VideoListState>()
    render(<List limit={100} onRender={states.record} />, { wrapper: h.wrapper })
    await h.advance(0)
    expect(screen.getAllByTestId('row')).toHaveLength(100)
    renders.clear()
    const before = states.last()?.videos ?? []

    await h.advance(20_000)

    expect([...renders.keys()]).toEqual([live.id])
    expect(renders.get(live.id)).toBeGreaterThan(1)
    const after = states.last()?.videos ?? []
    expect(after.map((video) => video.id)).toEqual(before.map((video) => video.id))
    after.forEach((video, index) => {
      if (video.id === live.id) expect(video).not.toBe(before[index])
      else expect(video).toBe(before[index])
    })
  })

  it('loads the first page once under StrictMode and stops polling its rows on unmount', async () => {
    const h = setup({ client: { polling: { interval: 1_000 } } })
    h.api.jobs.create({ prompt: 'live' })
    const { unmount } = render(
      <StrictMode>
        <List />
        <List />
      </StrictMode>,
      { wrapper: h.wrapper },
    )
    await h.advance(0)
    expect(h.requests('list')).toBe(1)
    await h.advance(3_000)
    const whileMounted = h.api.log.length
    expect(whileMounted).toBeGreaterThan(1)

    unmount()
    await h.advance(10_000)
    expect(h.api.log).toHaveLength(whileMounted)
  })

  it('throws a query outside the spec to the error boundary instead of sending it', async () => {
    const h = setup()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const caught = recorder<unknown>()
    render(
      <Boundary onError={caught.record}>
        <List limit={101} />
      </Boundary>,
      { wrapper: h.wrapper },
    )
    await h.advance(1_000)

    expect(caught.last()).toBeInstanceOf(VideoValidationError)
    expect(screen.getByRole('alert').textContent).toMatch(/^VideoValidationError: .*limit/)
    expect(h.api.log).toHaveLength(0)
  })
})
