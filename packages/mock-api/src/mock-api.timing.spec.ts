import { afterEach, describe, expect, it, vi } from 'vitest'
import { createManualClock } from './clock'
import type { MockVideo } from './job-lifecycle'
import { createMockVideoApi } from './mock-api'
import { BASE_URL, createAbortedAfter, createVideo, expectError, jsonInit } from '../test/test-support'

afterEach(() => {
  vi.useRealTimers()
})

describe('latency', () => {
  it('delays each answer through globalThis.setTimeout, so fake timers control it', async () => {
    vi.useFakeTimers()
    const api = createMockVideoApi({ latencyMs: 150 })
    let answered = false
    void api.fetch(`${BASE_URL}/videos`).then(() => (answered = true))
    await vi.advanceTimersByTimeAsync(149)
    expect(answered).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(answered).toBe(true)
  })

  it('rejects with an AbortError when the signal aborts during the delay, handling nothing', async () => {
    vi.useFakeTimers()
    const api = createMockVideoApi({ latencyMs: 1_000 })
    const attempt = createAbortedAfter(api, 500)
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError' })
    await expect(attempt).rejects.toBeInstanceOf(DOMException)
    expect(api.log[0]).toMatchObject({ endpoint: 'create', status: 'aborted' })
    expect(api.jobs.size).toBe(0)
  })

  it('rejects at once for an already aborted signal', async () => {
    const api = createMockVideoApi()
    await expect(api.fetch(`${BASE_URL}/videos`, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    })
  })
})

describe('request log', () => {
  it('records method, endpoint, path, id, query, receivedAt and status, and counts by filter', async () => {
    const clock = createManualClock(Date.UTC(2026, 1, 1))
    const api = createMockVideoApi({ clock })
    const { id } = await createVideo(api)
    clock.advance(1_000)
    await api.fetch(`${BASE_URL}/videos/${id}`)
    await api.fetch(`${BASE_URL}/videos?limit=5&order=asc`)
    expect(api.log).toEqual([
      {
        seq: 1,
        method: 'POST',
        endpoint: 'create',
        path: '/v1/videos',
        query: {},
        receivedAt: Date.UTC(2026, 1, 1),
        status: 200,
      },
      {
        seq: 2,
        method: 'GET',
        endpoint: 'retrieve',
        path: `/v1/videos/${id}`,
        id,
        query: {},
        receivedAt: Date.UTC(2026, 1, 1) + 1_000,
        status: 200,
      },
      {
        seq: 3,
        method: 'GET',
        endpoint: 'list',
        path: '/v1/videos',
        query: { limit: '5', order: 'asc' },
        receivedAt: Date.UTC(2026, 1, 1) + 1_000,
        status: 200,
      },
    ])
    expect(api.count()).toBe(3)
    expect(api.count({ endpoint: 'retrieve', id })).toBe(1)
    expect(api.count({ method: 'get' })).toBe(2)
    api.resetLog()
    expect(api.count()).toBe(0)
    expect(api.log).toHaveLength(0)
  })
})

describe('clock', () => {
  it('advance() moves a manual clock and explains the fix otherwise', () => {
    const manual = createMockVideoApi({ clock: 'manual' })
    const before = manual.now()
    manual.advance(5_000)
    expect(manual.now()).toBe(before + 5_000)
    expect(() => createMockVideoApi().advance(1)).toThrow(/clock: 'manual'/)
  })

  it('follows Date.now by default, so fake timers move jobs along', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) })
    const api = createMockVideoApi({ queueMs: 1_000, renderMs: 1_000 })
    const { id } = await createVideo(api)
    vi.advanceTimersByTime(2_000)
    expect(api.jobs.get(id)?.status).toBe('completed')
    expect(api.now()).toBe(Date.UTC(2026, 0, 1) + 2_000)
  })
})

describe('jobs', () => {
  it('seeds and steers jobs that HTTP then sees', async () => {
    const api = createMockVideoApi({ clock: 'manual' })
    const seeded = api.jobs.create({ prompt: 'seeded', outcome: { failAtProgress: 30 } })
    const listed = await (await api.fetch(`${BASE_URL}/videos`)).json()
    expect(listed.data.map((video: MockVideo) => video.id)).toEqual([seeded.id])
    api.jobs.complete(seeded.id)
    expect((await api.fetch(`${BASE_URL}/videos/${seeded.id}/content`)).status).toBe(200)
    expect(api.jobs.remove(seeded.id)).toBe(true)
    expect((await api.fetch(`${BASE_URL}/videos/${seeded.id}`)).status).toBe(404)
  })

  it('answers 500 with the reason when a renderMs function throws', async () => {
    const api = createMockVideoApi({
      renderMs: () => {
        throw new Error('no render time')
      },
    })
    const error = await expectError(await api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'p' })), 500, {
      code: 'server_error',
      type: 'server_error',
    })
    expect(error.message).toContain('no render time')
  })
})

describe('answer timing', () => {
  async function progressOf(response: Promise<Response>): Promise<number> {
    return ((await (await response).json()) as MockVideo).progress
  }

  it('answers a read from the state when it arrived, so a slow older snapshot lands after a newer one', async () => {
    vi.useFakeTimers()
    const api = createMockVideoApi({ queueMs: 0, renderMs: 10_000 })
    const { id } = api.jobs.create({ prompt: 'p' })
    vi.advanceTimersByTime(1_000)
    api.faults.next({ type: 'latency', ms: 5_000 }, { endpoint: 'retrieve' })
    const landed: string[] = []
    const slow = api.fetch(`${BASE_URL}/videos/${id}`).finally(() => landed.push('slow'))
    await vi.advanceTimersByTimeAsync(3_000)
    const fast = api.fetch(`${BASE_URL}/videos/${id}`).finally(() => landed.push('fast'))
    await vi.advanceTimersByTimeAsync(2_000)
    expect(landed).toEqual(['fast', 'slow'])
    expect(await progressOf(slow)).toBe(9)
    expect(await progressOf(fast)).toBe(39)
  })

  it('takes the base latency after the snapshot for reads, before the effect for writes', async () => {
    vi.useFakeTimers()
    const api = createMockVideoApi({ latencyMs: 1_000 })
    const creating = api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'p' }))
    const listing = api.fetch(`${BASE_URL}/videos`)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(((await (await listing).json()) as { data: unknown[] }).data).toEqual([])
    expect((await creating).status).toBe(200)
    expect(api.jobs.size).toBe(1)
  })
})

describe('reorder fault', () => {
  it('does the work on arrival and holds the answer, so later requests overtake it', async () => {
    vi.useFakeTimers()
    const api = createMockVideoApi()
    api.faults.next({ type: 'reorder', ms: 2_000 }, { endpoint: 'create' })
    let created: MockVideo | undefined
    const creating = api
      .fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'p' }))
      .then(async (response) => (created = (await response.json()) as MockVideo))
    await vi.advanceTimersByTimeAsync(0)
    const list = (await (await api.fetch(`${BASE_URL}/videos`)).json()) as { data: MockVideo[] }
    expect(list.data).toHaveLength(1)
    expect(created).toBeUndefined()
    await vi.advanceTimersByTimeAsync(2_000)
    await creating
    expect(created?.id).toBe(list.data[0]?.id)
    expect(api.log.map((entry) => [entry.endpoint, entry.fault])).toEqual([
      ['create', 'reorder'],
      ['list', undefined],
    ])
  })

  it('keeps the work of a write whose held answer is aborted', async () => {
    vi.useFakeTimers()
    const api = createMockVideoApi()
    api.faults.next({ type: 'reorder', ms: 1_000 }, { endpoint: 'create' })
    await expect(createAbortedAfter(api, 500)).rejects.toMatchObject({ name: 'AbortError' })
    expect(api.jobs.size).toBe(1)
  })
})

describe('lag fault', () => {
  it('answers a read with the state as it was, though it was sent after a newer answer', async () => {
    const clock = createManualClock(Date.UTC(2026, 1, 1))
    const api = createMockVideoApi({ clock, queueMs: 1_000, renderMs: 10_000 })
    const { id } = await createVideo(api)
    clock.advance(6_000)
    const read = async (): Promise<MockVideo> =>
      (await (await api.fetch(`${BASE_URL}/videos/${id}`)).json()) as MockVideo
    expect(await read()).toMatchObject({ status: 'in_progress', progress: 49 })
    api.faults.next({ type: 'lag', ms: 5_500 }, { endpoint: 'retrieve' })
    expect(await read()).toMatchObject({ status: 'queued', progress: 0 })
    api.faults.next({ type: 'lag', ms: 3_000 }, { endpoint: 'list' })
    const list = (await (await api.fetch(`${BASE_URL}/videos`)).json()) as { data: MockVideo[] }
    expect(list.data).toMatchObject([{ id, status: 'in_progress', progress: 19 }])
    expect(api.log.map((entry) => entry.fault)).toEqual([undefined, undefined, 'lag', 'lag'])
  })

  it('leaves writes alone', async () => {
    const clock = createManualClock(Date.UTC(2026, 1, 1))
    const api = createMockVideoApi({ clock })
    api.faults.next({ type: 'lag', ms: 60_000 }, { endpoint: 'create' })
    const { created_at } = await createVideo(api)
    expect(created_at).toBe(Date.UTC(2026, 1, 1) / 1_000)
    expect(() => api.faults.next({ type: 'lag', ms: -1 })).toThrow(/lag fault ms/)
  })
})

describe('faults after the work', () => {
  it('a create answered 503 still stored the job: it is on the next list page', async () => {
    const api = createMockVideoApi({ clock: 'manual' })
    api.faults.next({ type: 'error', status: 503, after: 'work' }, { endpoint: 'create' })
    await expectError(await api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'lost answer' })), 503, {
      code: null,
    })
    const list = (await (await api.fetch(`${BASE_URL}/videos`)).json()) as { data: MockVideo[] }
    expect(list.data.map((video) => video.prompt)).toEqual(['lost answer'])
    expect(api.log[0]).toMatchObject({ endpoint: 'create', status: 503, fault: 'error', afterWork: true })
  })

  it('a delete answered 503 really deleted the job', async () => {
    const api = createMockVideoApi({ clock: 'manual' })
    const { id } = await createVideo(api)
    api.faults.next({ type: 'error', status: 503, after: 'work' }, { endpoint: 'delete' })
    await expectError(await api.fetch(`${BASE_URL}/videos/${id}`, { method: 'DELETE' }), 503, { code: null })
    await expectError(await api.fetch(`${BASE_URL}/videos/${id}`), 404, { code: 'video_not_found' })
    expect(api.jobs.get(id)).toBeUndefined()
  })

  it('a remix whose connection drops after the work still created the remix', async () => {
    const api = createMockVideoApi({ clock: 'manual', queueMs: 0, renderMs: 0 })
    const { id } = await createVideo(api)
    api.faults.next({ type: 'drop', after: 'work' }, { endpoint: 'remix' })
    await expect(api.fetch(`${BASE_URL}/videos/${id}/remix`, jsonInit({ prompt: 'again' }))).rejects.toThrow(
      'fetch failed',
    )
    expect(api.jobs.all().map((video) => video.remixed_from_video_id)).toEqual([null, id])
    expect(api.log.at(-1)).toMatchObject({ status: 'dropped', afterWork: true })
  })

  it('before the work (the default) nothing happens', async () => {
    const api = createMockVideoApi({ clock: 'manual' })
    api.faults.next({ type: 'error', status: 503 }, { endpoint: 'create' })
    await expectError(await api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'p' })), 503, { code: null })
    expect(api.jobs.size).toBe(0)
    expect(api.log[0]?.afterWork).toBeUndefined()
  })
})
