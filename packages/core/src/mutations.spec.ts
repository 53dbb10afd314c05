import { afterEach, describe, expect, it, vi } from 'vitest'
import { record, setup, withList } from '../test/harness'
import { VideoApiError, VideoClientError, VideoJobFailedError, VideoValidationError } from './errors'
afterEach(() => {
  vi.useRealTimers()
})

describe('create and remix', () => {
  it('refuses invalid params unsent', async () => {
    const { api, client } = setup()
    await expect(client.create({ prompt: '' })).rejects.toThrow(VideoValidationError)
    await expect(client.create({ prompt: '' })).rejects.toThrow(/prompt must not be empty/)
    await expect(client.remix('video_1', { prompt: '' })).rejects.toThrow(VideoValidationError)
    await expect(client.remix('..', { prompt: 'x' })).rejects.toThrow(VideoValidationError)
    await expect(client.delete('')).rejects.toThrow(VideoValidationError)
    expect(api.log).toHaveLength(0)
  })

  it('puts the new job in the cache, at the head of loaded desc lists and the tail of complete asc lists', async () => {
    const { api, client } = setup()
    api.jobs.create({ prompt: 'existing' })
    const desc = client.list()
    const asc = client.list({ order: 'asc' })
    const unloaded = client.list({ limit: 3 })
    await desc.refresh()
    await asc.refresh()
    const video = await client.create({ prompt: 'A paper boat', size: '1280x720', seconds: '8' })
    expect(client.getJob(video.id).video).toBe(video)
    expect(desc.getState().videos[0]).toBe(video)
    expect(asc.getState().videos.at(-1)).toBe(video)
    expect(unloaded.getState().videos).toHaveLength(0)
    const remixed = await client.remix(api.jobs.complete(video.id).id, { prompt: 'At night' })
    expect(remixed.remixed_from_video_id).toBe(video.id)
    expect(desc.getState().videos[0]).toBe(remixed)
  })

  it('rejects a create whose answer was lost; the job it made appears with the next list page', async () => {
    const { api, client } = setup()
    const list = client.list()
    await list.refresh()
    api.faults.next({ type: 'error', status: 503, after: 'work' }, { endpoint: 'create' })
    await expect(client.create({ prompt: 'lost answer' })).rejects.toMatchObject({
      name: 'VideoApiError',
      status: 503,
    })
    expect(list.getState().videos).toEqual([])
    const [made] = api.jobs.all()
    await list.refresh()
    expect(list.getState().videos.map((video) => video.id)).toEqual([made?.id])
    expect(client.getJob(made?.id as string).video).toBe(list.getState().videos[0])
  })

  it('polls a created job while observed', async () => {
    const { client, advance } = setup()
    const video = await client.create({ prompt: 'x' })
    const job = record(client, video.id)
    await advance(30_000)
    expect(job.last().status).toBe('completed')
  })

  it('reports server refusals as VideoApiError', async () => {
    const { api, client } = setup()
    const queued = api.jobs.create({ prompt: 'x' })
    const error = await client.remix(queued.id, { prompt: 'y' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoApiError)
    expect((error as VideoApiError).status).toBe(400)
  })
})

describe('delete', () => {
  it('is optimistic: gone from every list and isDeleted synchronously, before the request is sent', async () => {
    const { api, client, ids, rows } = await withList()
    const sent = api.log.length
    const deleting = client.delete(ids[1] as string)
    expect(client.getJob(ids[1] as string)).toMatchObject({
      isDeleted: true,
      isTerminal: true,
      isPolling: false,
    })
    expect(rows()).not.toContain(ids[1])
    expect(api.log.length).toBe(sent)
    await vi.advanceTimersByTimeAsync(1_000)
    await deleting
    expect(api.count({ endpoint: 'delete' })).toBe(1)
  })

  it('stops polling at once: the poll in flight is aborted and none is sent while the delete runs', async () => {
    const { api, client, advance } = setup({ client: { polling: { interval: 1_000 } } })
    const { id } = api.jobs.create({ prompt: 'x' })
    client.job$(id).subscribe()
    await advance(1_000)
    api.faults.next({ type: 'latency', ms: 5_000 }, { endpoint: 'retrieve' })
    await advance(1_000)
    const retrieving = api.log.filter((entry) => entry.endpoint === 'retrieve').length
    api.faults.next({ type: 'latency', ms: 10_000 }, { endpoint: 'delete' })
    const deleting = client.delete(id)
    await advance(9_000)
    const retrieves = api.log.filter((entry) => entry.endpoint === 'retrieve')
    expect(retrieves.length).toBe(retrieving)
    // Its answer was due after 5 s; aborted, it never got one.
    expect(retrieves.at(-1)?.status).toBe('aborted')
    expect(client.getJob(id).isPolling).toBe(false)
    await advance(1_000)
    await deleting
    expect(api.count({ endpoint: 'retrieve' })).toBe(retrieving)
  })

  it('stays gone after success: a late poll or list page never brings it back', async () => {
    const { api, client, ids, list, rows, advance } = await withList()
    const refreshing = list.refresh()
    await advance(100)
    await Promise.all([client.delete(ids[0] as string), advance(1_000)])
    await refreshing
    await Promise.all([list.refresh(), advance(1_000)])
    await Promise.all([client.refetch(ids[0] as string), advance(1_000)])
    expect(rows()).not.toContain(ids[0])
    expect(client.getJob(ids[0] as string).isDeleted).toBe(true)
    expect(api.jobs.get(ids[0] as string)).toBeUndefined()
  })

  it('on failure returns to its exact place, resumes polling and rejects', async () => {
    const { api, client, ids, rows, advance } = await withList()
    const before = rows()
    const job = record(client, ids[1] as string)
    api.faults.next({ type: 'error', status: 500, message: 'delete failed upstream' }, { endpoint: 'delete' })
    const deleting = client.delete(ids[1] as string)
    const outcome = deleting.catch((e: unknown) => e)
    // The delete, then the retrieve that finds the video still there.
    await advance(2_000)
    const error = await outcome
    expect(error).toBeInstanceOf(VideoApiError)
    expect(rows()).toEqual(before)
    expect(job.last()).toMatchObject({ isDeleted: false, isPolling: true })
    const polls = api.count({ endpoint: 'retrieve', id: ids[1] as string })
    await advance(10_000)
    expect(
      api.count({ endpoint: 'retrieve', id: ids[1] as string }) + api.count({ endpoint: 'list' }),
    ).toBeGreaterThan(polls + 1)
  })

  it('shares a delete in progress', async () => {
    const { api, client, ids, advance } = await withList()
    const a = client.delete(ids[0] as string)
    expect(client.delete(ids[0] as string)).toBe(a)
    await advance(1_000)
    await a
    expect(api.count({ endpoint: 'delete' })).toBe(1)
  })
})

describe('waitForCompletion', () => {
  it('resolves with the completed video', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    const done = client.waitForCompletion(id)
    await advance(30_000)
    await expect(done).resolves.toMatchObject({ id, status: 'completed', progress: 100 })
  })

  it('rejects with VideoJobFailedError when the job fails', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({
      prompt: 'x',
      outcome: { failAtProgress: 20, code: 'moderation_blocked', message: 'Refused' },
    })
    const done = client.waitForCompletion(id).catch((e: unknown) => e)
    await advance(30_000)
    const error = (await done) as VideoJobFailedError
    expect(error).toBeInstanceOf(VideoJobFailedError)
    expect(error).toMatchObject({ code: 'moderation_blocked', message: 'Refused' })
    expect(error.video.id).toBe(id)
  })

  it('rejects with AbortError and stops polling when aborted', async () => {
    const { api, client, advance, retrieves } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    const controller = new AbortController()
    const done = client.waitForCompletion(id, { signal: controller.signal }).catch((e: unknown) => e)
    await advance(0)
    controller.abort()
    expect(((await done) as Error).name).toBe('AbortError')
    const count = retrieves(id)
    await advance(30_000)
    expect(retrieves(id)).toBe(count)
  })

  it('rejects when the job is deleted or unknown', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    const deleted = client.waitForCompletion(id).catch((e: unknown) => e)
    const missing = client.waitForCompletion('video_nope').catch((e: unknown) => e)
    await advance(0)
    await client.delete(id)
    expect(await deleted).toBeInstanceOf(VideoClientError)
    expect(await missing).toBeInstanceOf(VideoApiError)
  })
})
