import { afterEach, describe, expect, it, vi } from 'vitest'
import { record, setup } from '../../test/harness'
import { VideoApiError } from '../errors'

afterEach(() => {
  vi.useRealTimers()
})

describe('rule 4: adaptive interval', () => {
  it("follows the server's openai-poll-after-ms", async () => {
    const { api, client, advance, retrieves } = setup({ mock: { pollAfterMs: 7_000, queueMs: 100_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    client.job$(id).subscribe()
    await advance(0)
    await advance(6_999)
    expect(retrieves(id)).toBe(1)
    await advance(1)
    expect(retrieves(id)).toBe(2)
  })

  it('never polls faster than minInterval, whatever openai-poll-after-ms says', async () => {
    const { api, client, advance, retrieves } = setup({
      mock: { pollAfterMs: 0, queueMs: 1_000_000, latencyMs: 10 },
    })
    const { id } = api.jobs.create({ prompt: 'x' })
    client.job$(id).subscribe()
    await advance(10_000)
    expect(retrieves(id)).toBeLessThanOrEqual(11)
  })

  it('follows the hint of a coalesced newest-page answer too', async () => {
    const { api, client, advance } = setup({
      mock: { pollAfterMs: 400, queueMs: 0, renderMs: 60_000 },
      // The floor under the server's hint; the default 1 s would hide whether the page's hint is used.
      client: { polling: { minInterval: 200 } },
    })
    const ids = [api.jobs.create({ prompt: 'a' }).id, api.jobs.create({ prompt: 'b' }).id]
    ids.forEach((id) => client.job$(id).subscribe())
    await advance(0)
    api.resetLog()
    await advance(4_000)
    // Every 400 ms, one request answers both jobs: about 10, not one per 5 s.
    expect(api.log.length).toBeGreaterThanOrEqual(8)
    expect(api.count({ endpoint: 'list' })).toBeGreaterThanOrEqual(8)
  })

  it('polls about when the next visible change or the completion is due, clamped', async () => {
    const { api, client, advance, retrieves } = setup({ mock: { queueMs: 0, renderMs: 100_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    client.job$(id).subscribe()
    await advance(110_000)
    // 1 point per second: a poll per 5 points is ~20 polls; a fixed 1 s beat would be 100.
    expect(retrieves(id)).toBeGreaterThan(10)
    expect(retrieves(id)).toBeLessThan(40)
    expect(client.getJob(id).status).toBe('completed')
    const completedAt = api.jobs.get(id)?.completed_at as number
    expect((client.getJob(id).updatedAt as number) - completedAt * 1000).toBeLessThanOrEqual(2_000)
  })

  it('clamps to maxInterval when progress is slow and to minInterval when fast', async () => {
    // A point per 10 s: seen moving after its first point, then 8 points (80 s) would be due, clamped to
    // 10 s. (Slower still, the job is never seen moving and is polled every 5 s, for its completion.)
    const slow = setup({
      mock: { queueMs: 0, renderMs: 1_000_000 },
      client: { polling: { maxInterval: 10_000 } },
    })
    const a = slow.api.jobs.create({ prompt: 'slow' })
    slow.client.job$(a.id).subscribe()
    await slow.advance(200_000)
    expect(slow.retrieves(a.id)).toBeGreaterThanOrEqual(18)
    expect(slow.retrieves(a.id)).toBeLessThanOrEqual(25)
    vi.useRealTimers()
    const fast = setup({
      mock: { queueMs: 0, renderMs: 10_000 },
      client: { polling: { minInterval: 2_000 } },
    })
    const b = fast.api.jobs.create({ prompt: 'fast' })
    fast.client.job$(b.id).subscribe()
    await fast.advance(12_000)
    expect(fast.retrieves(b.id)).toBeLessThanOrEqual(7)
  })

  it('a user interval (number or function) overrides, unclamped', async () => {
    const { api, client, advance, retrieves } = setup({
      mock: { queueMs: 100_000 },
      client: {
        polling: { interval: (state) => (state.status === 'queued' ? 300 : 1_000), minInterval: 1_000 },
      },
    })
    const { id } = api.jobs.create({ prompt: 'x' })
    client.job$(id).subscribe()
    await advance(3_000)
    expect(retrieves(id)).toBe(11)
  })
})

describe('rule 5: errors and rate limits', () => {
  it('backs off per job exponentially on errors, then recovers', async () => {
    const { api, client, advance } = setup({
      client: { polling: { interval: 1_000 } },
      mock: { queueMs: 1_000_000 },
    })
    // An old job, off the newest page, is only ever retrieved on its own: its errors are its own.
    const { id } = api.jobs.create({ prompt: 'x' })
    vi.advanceTimersByTime(1_000)
    for (let i = 0; i < 100; i++) api.jobs.create({ prompt: `newer ${i}` })
    await client.list({ limit: 100 }).refresh()
    const healthy = api.jobs.all().at(-1)?.id as string
    api.faults.add({ fault: { type: 'error', status: 500 }, endpoint: 'retrieve', id, times: 6 })
    client.job$(id).subscribe()
    client.job$(healthy).subscribe()
    api.resetLog()
    await advance(60_000)
    const times = api.log.filter((e) => e.id === id).map((e) => e.receivedAt)
    const gaps = times.slice(1, 7).map((t, i) => t - (times[i] as number))
    for (let i = 1; i < 5; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1] as number)
    expect(client.getJob(id).error).toBeUndefined()
    // The healthy job kept its 1 s beat meanwhile (by retrieve or by the newest page).
    expect(api.count({ id: healthy }) + api.count({ endpoint: 'list' })).toBeGreaterThan(50)
  })

  it('a 429 pauses every request for Retry-After, then resumes without a burst', async () => {
    const { api, client, advance } = setup({
      mock: { queueMs: 0, renderMs: 600_000 },
      client: { polling: { interval: 1_000 } },
    })
    const ids = Array.from({ length: 10 }, (_, i) => api.jobs.create({ prompt: `j${i}` }).id)
    ids.forEach((id) => client.job$(id).subscribe())
    await advance(2_000)
    api.faults.next({ type: 'rate-limit', retryAfterMs: 30_000 })
    await advance(1_000)
    const limitedAt = api.log.find((e) => e.status === 429)?.receivedAt as number
    expect(limitedAt).toBeDefined()
    const before = api.log.length
    await advance(limitedAt + 29_999 - Date.now())
    expect(api.log.length).toBe(before)
    expect(client.getJob(ids[0] as string).error).toBeInstanceOf(VideoApiError)
    await advance(1)
    await advance(0)
    expect(api.log.length - before).toBeLessThanOrEqual(2)
    await advance(5_000)
    expect(ids.every((id) => client.getJob(id).error === undefined)).toBe(true)
  })

  it('after a 429 pause, jobs that fell due start one by one, not all at once', async () => {
    const { api, client, advance } = setup({
      mock: { queueMs: 0, renderMs: 6_000_000 },
      client: { polling: { interval: 1_000 } },
    })
    // Older than the 100 newest, on a server whose list then stops answering: each needs a request of its
    // own, so coalescing cannot hide a burst.
    const old = Array.from({ length: 20 }, (_, i) => api.jobs.create({ prompt: `old ${i}` }).id)
    vi.advanceTimersByTime(1_000)
    for (let i = 0; i < 100; i++) api.jobs.create({ prompt: `newer ${i}` })
    await client.list({ limit: 100 }).refresh()
    api.faults.add({ fault: { type: 'error', status: 404 }, endpoint: 'list' })
    old.forEach((id) => client.job$(id).subscribe())
    await advance(5_000)
    api.faults.next({ type: 'rate-limit', retryAfterMs: 30_000 })
    await advance(2_000)
    const limitedAt = api.log.find((e) => e.status === 429)?.receivedAt as number
    await advance(limitedAt + 30_000 - Date.now())
    api.resetLog()
    await advance(6_000)
    const first = api.log[0]?.receivedAt as number
    // Without spreading, all 20 leave in the same millisecond the pause ends.
    expect(api.log.filter((entry) => entry.receivedAt < first + 500).length).toBeLessThanOrEqual(2)
    expect(old.every((id) => api.count({ endpoint: 'retrieve', id }) >= 1)).toBe(true)
  })

  it('a mutation during a 429 pause waits for it', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    api.faults.next({ type: 'rate-limit', retryAfterMs: 10_000 })
    await client.refetch(id)
    const creating = client.create({ prompt: 'later' })
    await advance(9_000)
    expect(api.count({ endpoint: 'create' })).toBe(0)
    await advance(1_000)
    await expect(creating).resolves.toMatchObject({ status: 'queued' })
  })
})

describe('rule 6: visibility and connectivity', () => {
  it('pauses while hidden or offline and resumes at once on return', async () => {
    const { api, client, environment, advance, retrieves } = setup({
      mock: { queueMs: 1_000_000 },
      client: { polling: { interval: 1_000 } },
    })
    const { id } = api.jobs.create({ prompt: 'x' })
    client.job$(id).subscribe()
    await advance(0)
    environment.setVisible(false)
    const hidden = retrieves(id)
    await advance(60_000)
    expect(retrieves(id)).toBe(hidden)
    expect(vi.getTimerCount()).toBe(0)
    environment.setVisible(true)
    await advance(0)
    expect(retrieves(id)).toBe(hidden + 1)
    environment.setOnline(false)
    await advance(10_000)
    expect(retrieves(id)).toBe(hidden + 1)
    environment.setOnline(true)
    await advance(0)
    expect(retrieves(id)).toBe(hidden + 2)
  })

  it('resumes at once on return even when the next poll was not due yet', async () => {
    const { api, client, environment, advance, retrieves } = setup({
      mock: { queueMs: 1_000_000 },
      client: { polling: { interval: 30_000 } },
    })
    const { id } = api.jobs.create({ prompt: 'x' })
    client.job$(id).subscribe()
    await advance(0)
    environment.setVisible(false)
    await advance(5_000)
    environment.setVisible(true)
    await advance(0)
    expect(retrieves(id)).toBe(2)
  })
})

describe('rule 7: out-of-order answers never regress state', () => {
  it('drops an answer to a request started before the data it would replace', async () => {
    const { api, client, advance } = setup({ mock: { queueMs: 0, renderMs: 100_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const job = record(client, id)
    await advance(0)
    await advance(20_000)
    // A slow retrieve started now answers with progress ~20 after the list below shows ~30.
    api.faults.next({ type: 'latency', ms: 10_000 }, { endpoint: 'retrieve' })
    const slow = client.refetch(id)
    await advance(10)
    await advance(9_000)
    const list = client.list()
    await list.refresh()
    const fromList = client.getJob(id).progress
    await advance(1_000)
    await slow
    expect(client.getJob(id).progress).toBe(fromList)
    const progress = job.states.map((s) => s.progress)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  })

  it('never resurrects a deleted id from a late poll or list page', async () => {
    const { api, client, advance } = setup({ mock: { latencyMs: 2_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const list = client.list()
    list.state$.subscribe()
    client.job$(id).subscribe()
    await advance(2_000)
    const refreshing = list.refresh()
    const polling = client.refetch(id)
    await advance(500)
    const deleting = client.delete(id)
    await advance(5_000)
    await Promise.all([refreshing, polling, deleting])
    expect(client.getJob(id).isDeleted).toBe(true)
    expect(list.getState().videos.map((v) => v.id)).not.toContain(id)
    client.ingest(client.getJob(id).video)
    expect(list.getState().videos).toHaveLength(0)
  })
})
