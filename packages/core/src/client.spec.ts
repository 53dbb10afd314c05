import { config } from 'rxjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { record, setup } from '../test/harness'
import { VideoApiError, VideoNetworkError, VideoValidationError } from './errors'
import type { VideoClientEvent } from './types'

afterEach(() => {
  vi.useRealTimers()
})

describe('job$', () => {
  it('replays the current state at once, then every change until completion', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'a fox' })
    const job = record(client, id)
    expect(job.states).toHaveLength(1)
    expect(job.states[0]).toMatchObject({ id, video: undefined, isPolling: true, progress: 0 })
    await advance(0)
    expect(job.last()).toMatchObject({ status: 'queued', isLoading: false, isPolling: true })
    await advance(30_000)
    expect(job.last()).toMatchObject({
      status: 'completed',
      progress: 100,
      isTerminal: true,
      isPolling: false,
    })
    const progress = job.states.map((s) => s.progress)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(new Set(job.states.map((s) => s.status))).toEqual(
      new Set([undefined, 'queued', 'in_progress', 'completed']),
    )
  })

  it('shows isLoading while the first request is in flight', async () => {
    const { api, client, advance } = setup({ mock: { latencyMs: 500 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const job = record(client, id)
    await advance(0)
    expect(job.last().isLoading).toBe(true)
    await advance(500)
    expect(job.last()).toMatchObject({ isLoading: false, status: 'queued' })
  })

  it('emits nothing new for identical data', async () => {
    const { api, client, advance, retrieves } = setup({
      mock: { queueMs: 60_000 },
      client: { polling: { interval: 1_000 } },
    })
    const { id } = api.jobs.create({ prompt: 'x' })
    const job = record(client, id)
    await advance(0)
    const count = job.states.length
    await advance(10_000)
    expect(retrieves(id)).toBeGreaterThanOrEqual(10)
    expect(job.states).toHaveLength(count)
  })

  it('keeps a stable snapshot: getJob returns the same object until something changes', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    expect(client.getJob(id)).toBe(client.getJob(id))
    const idle = client.getJob(id)
    const job = record(client, id)
    expect(job.states[0]).toMatchObject({ id, isPolling: true })
    await advance(0)
    expect(client.getJob(id)).toBe(job.last())
    expect(client.getJob(id)).not.toBe(idle)
  })
})

describe('getJob', () => {
  it('has no side effect: no request, no polling', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    expect(client.getJob(id)).toMatchObject({ id, video: undefined, isLoading: false, isPolling: false })
    expect(client.getJob(id)).toBe(client.getJob(id))
    expect(vi.getTimerCount()).toBe(0)
    await advance(60_000)
    expect(api.log).toHaveLength(0)
  })
})

describe('progress$', () => {
  it('emits distinct, never decreasing progress values', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    const values: number[] = []
    client.progress$(id).subscribe((p) => values.push(p))
    await advance(30_000)
    expect(values.at(-1)).toBe(100)
    expect(values.every((v, i) => i === 0 || v > (values[i - 1] as number))).toBe(true)
  })
})

describe('errors keep the last good state', () => {
  it('a schema-breaking body becomes a VideoValidationError and the last good video stays', async () => {
    const { api, client, advance } = setup({ client: { polling: { interval: 1_000 } } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const job = record(client, id)
    await advance(3_000)
    const good = job.last().video
    expect(good?.status).toBe('in_progress')
    api.faults.next({ type: 'schema' }, { endpoint: 'retrieve' })
    await advance(1_000)
    expect(job.last().error).toBeInstanceOf(VideoValidationError)
    expect(job.last().error?.message).toMatch(/breaks the Videos API schema/)
    expect(job.last().video).toBe(good)
    await advance(5_000)
    expect(job.last().error).toBeUndefined()
    expect(job.last().progress).toBeGreaterThan(good?.progress ?? 0)
  })

  it('a malformed body is a VideoValidationError, never a crash', async () => {
    const { api, client, advance } = setup({ client: { polling: { interval: 1_000 } } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const job = record(client, id)
    await advance(0)
    api.faults.next({ type: 'malformed' }, { endpoint: 'retrieve' })
    await advance(1_000)
    expect(job.last().error).toBeInstanceOf(VideoValidationError)
    expect(job.last().video?.status).toBe('queued')
  })

  it('a dropped connection is a VideoNetworkError and polling retries', async () => {
    const { api, client, advance } = setup({ client: { polling: { interval: 1_000 } } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const job = record(client, id)
    await advance(0)
    api.faults.next({ type: 'drop' }, { endpoint: 'retrieve' })
    await advance(1_000)
    expect(job.last().error).toBeInstanceOf(VideoNetworkError)
    expect(job.last().video?.status).toBe('queued')
    await advance(30_000)
    expect(job.last()).toMatchObject({ status: 'completed', error: undefined })
  })

  it('an unknown id is a 404 VideoApiError that stops polling', async () => {
    const { client, advance, retrieves } = setup()
    const job = record(client, 'video_missing')
    await advance(60_000)
    expect(job.last().error).toBeInstanceOf(VideoApiError)
    expect((job.last().error as VideoApiError).status).toBe(404)
    expect(job.last()).toMatchObject({ isPolling: false, video: undefined })
    expect(retrieves()).toBe(1)
  })

  it('a subscriber that throws does not break the client or other subscribers', async () => {
    const { api, client, advance } = setup()
    const reported: unknown[] = []
    config.onUnhandledError = (error) => reported.push(error)
    const { id } = api.jobs.create({ prompt: 'x' })
    client.job$(id).subscribe(() => {
      throw new Error('boom in user code')
    })
    const job = record(client, id)
    await advance(30_000)
    config.onUnhandledError = null
    expect(job.last().status).toBe('completed')
    expect(reported.length).toBeGreaterThan(1)
  })
})

describe('ingest and refetch', () => {
  it('ingest merges a validated pushed object; bad input throws and leaves the cache untouched', async () => {
    const { api, client } = setup()
    const created = api.jobs.create({ prompt: 'x' })
    client.ingest(created)
    const state = client.getJob(created.id)
    expect(state.status).toBe('queued')
    expect(() => client.ingest({ ...created, object: 'video.deleted' })).toThrow(VideoValidationError)
    expect(() => client.ingest({ ...created, progress: 250 })).toThrow(/progress/)
    expect(client.getJob(created.id)).toBe(state)
  })

  it('refetch fetches now (for webhooks) and shares a request in flight', async () => {
    const { api, client, advance, retrieves } = setup({ mock: { latencyMs: 100 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const a = client.refetch(id)
    const b = client.refetch(id)
    await advance(100)
    await Promise.all([a, b])
    expect(retrieves(id)).toBe(1)
    expect(client.getJob(id).status).toBe('queued')
  })
})

describe('ensureJob', () => {
  it('returns the cached video without a request, or fetches it once', async () => {
    const { api, client, retrieves } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    const first = await client.ensureJob(id)
    expect(first).toMatchObject({ id, status: 'queued' })
    expect(await client.ensureJob(id)).toBe(first)
    expect(retrieves(id)).toBe(1)
  })

  it('rejects with the typed error of the request', async () => {
    const { client } = setup()
    const error = await client.ensureJob('video_missing').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoApiError)
    expect((error as VideoApiError).status).toBe(404)
  })

  it('says a job was deleted only when it was, and that the request was cancelled otherwise', async () => {
    const { api, client } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    const deleting = client.delete(id)
    await expect(client.ensureJob(id)).rejects.toThrow(`Video ${id} was deleted.`)
    await deleting
    const other = api.jobs.create({ prompt: 'y' })
    client.dispose()
    await expect(client.ensureJob(other.id)).rejects.toThrow(/was not loaded: its request was cancelled/)
  })
})

describe('events$', () => {
  it('reports updates, completion, failure and deletion', async () => {
    const { api, client, advance } = setup({ mock: { failRate: 0 } })
    const events: VideoClientEvent[] = []
    client.events$.subscribe((e) => events.push(e))
    const ok = api.jobs.create({ prompt: 'ok' })
    const bad = api.jobs.create({
      prompt: 'bad',
      outcome: { failAtProgress: 30, code: 'moderation_blocked' },
    })
    client.job$(ok.id).subscribe()
    client.job$(bad.id).subscribe()
    await advance(30_000)
    await client.delete(ok.id)
    const types = (id: string) => events.filter((e) => e.id === id).map((e) => e.type)
    expect(types(ok.id)).toContain('updated')
    expect(types(ok.id).slice(-2)).toEqual(['completed', 'deleted'])
    expect(types(bad.id).at(-1)).toBe('failed')
    expect(events.find((e) => e.type === 'failed')?.video?.error?.code).toBe('moderation_blocked')
  })
})

describe('events$ across garbage collection', () => {
  it("tells a job's end once, though its entry was collected and loaded again", async () => {
    const { api, client, advance } = setup({ mock: { failRate: 0 }, client: { gcTime: 10_000 } })
    const events: VideoClientEvent[] = []
    client.events$.subscribe((e) => events.push(e))
    const { id } = api.jobs.create({ prompt: 'x' })
    const first = client.job$(id).subscribe()
    await advance(30_000)
    first.unsubscribe()
    await advance(20_000)
    const again = client.job$(id).subscribe()
    await advance(1_000)
    expect(client.getJob(id).status).toBe('completed')
    again.unsubscribe()
    expect(events.filter((e) => e.type === 'completed').map((e) => e.id)).toEqual([id])
    expect(events.at(-1)?.type).toBe('updated')
  })
})

describe('dispose', () => {
  it('stops every timer and request', async () => {
    const { api, client, advance } = setup({ mock: { latencyMs: 1_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    client.job$(id).subscribe()
    client.list().state$.subscribe()
    await advance(10)
    client.dispose()
    expect(vi.getTimerCount()).toBe(0)
    const before = api.log.length
    await advance(60_000)
    expect(api.log.length).toBe(before)
    expect(api.log.every((entry) => entry.status !== undefined)).toBe(true)
  })

  it('leaves an idle client with no timer but its garbage-collection sweep', async () => {
    const { api, client, advance } = setup({ client: { gcTime: 10_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const sub = client.job$(id).subscribe()
    await advance(30_000)
    expect(client.getJob(id).isTerminal).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    sub.unsubscribe()
    expect(vi.getTimerCount()).toBe(1)
    await advance(10_000)
    expect(vi.getTimerCount()).toBe(0)
    expect(client.getJob(id).video).toBeUndefined()
  })
})
