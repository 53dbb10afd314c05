import { describe, expect, it, vi } from 'vitest'
import { makeVideo } from '../../test/fixtures'
import type * as JobState from './job-state'
import type { JobFacts } from './job-state'
import { VideoStore } from './video-store'

const derived = vi.hoisted(() => ({ count: 0 }))
vi.mock('./job-state', async (importOriginal) => {
  const actual = await importOriginal<typeof JobState>()
  return {
    ...actual,
    deriveJobState: (facts: JobFacts) => {
      derived.count++
      return actual.deriveJobState(facts)
    },
  }
})

describe('a job state nobody listens to is derived when read, not on each change', () => {
  it('releasing thousands of watched jobs derives no state; a read derives it once', () => {
    const store = new VideoStore({ now: () => 1_000 })
    const videos = Array.from({ length: 2_000 }, () => makeVideo({ status: 'in_progress', progress: 10 }))
    const leave = videos.map((video) => {
      store.merge(video, 1)
      store.setMeta(video.id, { isPolling: true })
      return store.subscribe(video.id, () => undefined)
    })
    derived.count = 0
    for (const [index, video] of videos.entries()) {
      leave[index]?.()
      store.setMeta(video.id, { isPolling: false })
      store.setMeta(video.id, { isFetching: false, error: undefined })
    }
    expect(derived.count).toBe(0)
    const [first] = videos as [ReturnType<typeof makeVideo>]
    const state = store.getState(first.id)
    expect(state).toMatchObject({ isPolling: false, progress: 10, status: 'in_progress' })
    expect(store.getState(first.id)).toBe(state)
    expect(derived.count).toBe(1)
  })

  it('keeps the state object across changes nobody saw that end where they began', () => {
    const store = new VideoStore({ now: () => 1_000 })
    const video = makeVideo({ status: 'queued' })
    store.merge(video, 1)
    const before = store.getState(video.id)
    store.setMeta(video.id, { isFetching: true })
    store.setMeta(video.id, { isFetching: false })
    expect(store.getState(video.id)).toBe(before)
  })

  it('tells a listener that comes later of changes from the state it could read, not from an older one', () => {
    const store = new VideoStore({ now: () => 1_000 })
    const video = makeVideo({ status: 'in_progress', progress: 10 })
    store.merge(video, 1)
    expect(store.getState(video.id).isPolling).toBe(false)
    store.setMeta(video.id, { isPolling: true })
    const seen: { isPolling: boolean; progress: number }[] = []
    store.subscribe(video.id, (state) => seen.push(state))
    store.setMeta(video.id, { isPolling: true })
    expect(seen).toEqual([])
    store.merge({ ...video, progress: 30 }, 2)
    expect(seen.map((state) => [state.isPolling, state.progress])).toEqual([[true, 30]])
  })

  it('refreshes a list holding the job when its video changes, though nobody listens to the job', () => {
    const store = new VideoStore({ now: () => 1_000 })
    const video = makeVideo({ status: 'in_progress', progress: 10 })
    const onEntityChange = vi.fn()
    store.merge(video, 1)
    store.link(video.id, { onEntityChange, isObserved: () => true, ids: () => [video.id] })
    store.setMeta(video.id, { isPolling: false })
    expect(onEntityChange).not.toHaveBeenCalled()
    store.merge({ ...video, progress: 40 }, 2)
    expect(onEntityChange).toHaveBeenCalledTimes(1)
  })
})
