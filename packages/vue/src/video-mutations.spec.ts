import { VideoApiError, VideoValidationError } from '@vidjob/core'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { setup } from '../test/test-support'
import { useVideoJob } from './use-video-job'
import { useVideoList } from './use-video-list'
import { useCreateVideo, useDeleteVideo, useRemixVideo } from './video-mutations'

afterEach(() => {
  vi.useRealTimers()
})

/** Fails the test if a mutation leaks a rejection nobody handles. */
function watchUnhandledRejections(): unknown[] {
  const leaked: unknown[] = []
  const listener = (reason: unknown): void => void leaked.push(reason)
  process.on('unhandledRejection', listener)
  onTestFinished(() => void process.off('unhandledRejection', listener))
  return leaked
}

describe('useCreateVideo', () => {
  it('tracks a creation: pending, then data, and the new job heads the list', async () => {
    const { inScope, advance } = setup({ mock: { latencyMs: 100 } })
    const { result } = inScope(() => ({ create: useCreateVideo(), list: useVideoList() }))
    await advance(100)
    result.create.mutate({ prompt: 'a lighthouse', seconds: '8' })
    expect(result.create.isPending.value).toBe(true)
    await advance(100)
    expect(result.create.status.value).toBe('success')
    expect(result.create.data.value).toMatchObject({ prompt: 'a lighthouse', seconds: '8', status: 'queued' })
    expect(result.list.videos.value[0]?.id).toBe(result.create.data.value?.id)
  })

  it('puts invalid params in `error` with field issues, sends nothing and never rejects unhandled', async () => {
    const { api, inScope, advance } = setup()
    const leaked = watchUnhandledRejections()
    const { result: create } = inScope(() => useCreateVideo())
    create.mutate({ prompt: '' })
    await advance(0)
    expect(create.error.value).toBeInstanceOf(VideoValidationError)
    const issues = (create.error.value as VideoValidationError).issues
    expect(issues.map((issue) => issue.path)).toEqual([['prompt']])
    expect(api.log).toHaveLength(0)
    await expect(create.mutateAsync({ prompt: '' })).rejects.toBeInstanceOf(VideoValidationError)
    vi.useRealTimers() // Node reports unhandled rejections on a later turn of the real event loop
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(leaked).toEqual([])
  })

  it('lets only the latest call write the refs, and reset forgets it', async () => {
    const { api, inScope, advance } = setup()
    const { result: create } = inScope(() => useCreateVideo())
    api.faults.next({ type: 'latency', ms: 500 }, { endpoint: 'create' })
    create.mutate({ prompt: 'slow' })
    create.mutate({ prompt: 'fast' })
    await advance(600)
    expect(create.data.value?.prompt).toBe('fast')
    create.reset()
    expect([create.data.value, create.error.value, create.isPending.value]).toEqual([
      undefined,
      undefined,
      false,
    ])
  })
})

describe('useRemixVideo', () => {
  it('remixes a completed video into a new job', async () => {
    const { api, inScope, advance } = setup()
    const source = api.jobs.create({ prompt: 'day' })
    api.jobs.complete(source.id)
    const { result: remix } = inScope(() => useRemixVideo())
    const video = await remix.mutateAsync({ id: source.id, prompt: 'night' })
    await advance(0)
    expect(video).toMatchObject({ prompt: 'night', remixed_from_video_id: source.id })
    expect(remix.data.value).toBe(video)
  })
})

describe('useDeleteVideo', () => {
  it('removes the row at once and keeps it gone on success', async () => {
    const { api, inScope, advance } = setup({ mock: { latencyMs: 100 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const { result } = inScope(() => ({
      list: useVideoList(),
      job: useVideoJob(id),
      remove: useDeleteVideo(),
    }))
    await advance(100)
    result.remove.mutate(id)
    expect(result.list.videos.value).toHaveLength(0)
    expect(result.job.isDeleted.value).toBe(true)
    await advance(100)
    expect(result.remove.isPending.value).toBe(false)
    expect(result.remove.error.value).toBeUndefined()
    await advance(30_000)
    expect(result.list.videos.value).toHaveLength(0)
    expect(api.jobs.get(id)).toBeUndefined()
  })

  it('puts the row back in place with the error when the server refuses', async () => {
    const { api, inScope, advance } = setup({ mock: { latencyMs: 100 } })
    const ids = [0, 1, 2].map((i) => api.jobs.create({ prompt: `video ${i}` }).id)
    const { result } = inScope(() => ({ list: useVideoList(), remove: useDeleteVideo() }))
    await advance(100)
    const before = result.list.videos.value.map((video) => video.id)
    api.faults.next(
      { type: 'error', status: 500, message: 'The database is on fire' },
      { endpoint: 'delete' },
    )
    const target = ids[1] as string
    const removal = result.remove.mutateAsync(target)
    expect(result.list.videos.value.map((video) => video.id)).toEqual(before.filter((id) => id !== target))
    // A 5xx leaves the outcome open: a retrieve (another 100 ms) finds the video still there.
    await Promise.all([expect(removal).rejects.toBeInstanceOf(VideoApiError), advance(300)])
    expect(result.list.videos.value.map((video) => video.id)).toEqual(before)
    expect(result.remove.error.value).toMatchObject({ status: 500, message: 'The database is on fire' })
    expect([result.remove.status.value, result.remove.variables.value]).toEqual(['error', target])
  })
})
