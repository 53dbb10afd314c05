import { afterEach, describe, expect, it, vi } from 'vitest'
import { record, setup } from '../../test/harness'

afterEach(() => {
  vi.useRealTimers()
})

describe('rule 1: one request per job at a time', () => {
  /** A job that stays queued, polled every 2 s, each answer taking 1 s. */
  const slowQueuedJob = (): ReturnType<typeof setup> & { id: string } => {
    const harness = setup({
      client: { polling: { interval: 2_000 } },
      mock: { latencyMs: 1_000, queueMs: 60_000 },
    })
    return { ...harness, id: harness.api.jobs.create({ prompt: 'x' }).id }
  }

  it('50 subscribers cause one request per interval', async () => {
    const { api, client, advance, retrieves } = setup({
      client: { polling: { interval: 2_000 } },
      mock: { queueMs: 60_000 },
    })
    const { id } = api.jobs.create({ prompt: 'x' })
    const subs = Array.from({ length: 50 }, () => client.job$(id).subscribe())
    await advance(0)
    expect(retrieves(id)).toBe(1)
    await advance(10_000)
    expect(retrieves(id)).toBe(6)
    subs.forEach((s) => s.unsubscribe())
  })

  it('a subscriber that arrives during a request shares it', async () => {
    const { api, client, advance, retrieves } = setup({ mock: { latencyMs: 1_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const first = record(client, id)
    await advance(500)
    const second = record(client, id)
    await advance(500)
    expect(retrieves(id)).toBe(1)
    expect(second.last().status).toBe('queued')
    expect(first.last()).toBe(second.last())
  })

  it('a subscriber shares a refetch started while nobody watched the job', async () => {
    const { api, client, advance, retrieves } = setup({ mock: { latencyMs: 1_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const loaded = client.ensureJob(id)
    await advance(100)
    const view = record(client, id)
    await advance(900)
    await loaded
    expect(retrieves(id)).toBe(1)
    expect(view.last().status).toBe('queued')
  })

  it('finishes an awaited refetch even when the watcher that shared it leaves', async () => {
    const { api, client, advance } = setup({ mock: { latencyMs: 1_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const refetched = client.refetch(id)
    const view = record(client, id)
    await advance(100)
    view.unsubscribe()
    await advance(900)
    await refetched
    expect(api.log.filter((entry) => entry.id === id).map((entry) => entry.status)).toEqual([200])
    expect(client.getJob(id).status).toBe('queued')
  })

  it('finishes an awaited refetch that shared the poll of a watcher that then leaves', async () => {
    const { api, client, advance } = setup({ mock: { latencyMs: 1_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const view = record(client, id)
    await advance(100)
    const loaded = client.ensureJob(id)
    view.unsubscribe()
    await advance(900)
    await expect(loaded).resolves.toMatchObject({ id, status: 'queued' })
    expect(api.log.filter((entry) => entry.id === id).map((entry) => entry.status)).toEqual([200])
  })

  it('shares a left-behind awaited request with the next watcher, then polls on schedule', async () => {
    const { client, advance, retrieves, id } = slowQueuedJob()
    const first = record(client, id)
    await advance(100)
    const refetched = client.refetch(id)
    first.unsubscribe()
    await advance(100)
    const second = record(client, id)
    await advance(800)
    await refetched
    expect(retrieves(id)).toBe(1)
    expect(second.last().status).toBe('queued')
    // The shared request ended and was forgotten: the watcher polls again on its interval.
    await advance(3_000)
    expect(retrieves(id)).toBe(2)
    second.unsubscribe()
  })

  it('a watcher that arrives once an awaited refetch has ended polls on its interval', async () => {
    const { client, advance, retrieves, id } = slowQueuedJob()
    const refetched = client.refetch(id)
    await advance(1_000)
    await refetched
    const view = record(client, id)
    await advance(3_500)
    expect(retrieves(id)).toBe(2)
    view.unsubscribe()
  })
})

describe('rule 2: what is not polled', () => {
  it('never polls a completed or failed job again', async () => {
    const { api, client, advance, retrieves } = setup()
    const done = api.jobs.create({ prompt: 'x' })
    const failed = api.jobs.create({ prompt: 'y', outcome: { failAtProgress: 10 } })
    client.job$(done.id).subscribe()
    client.job$(failed.id).subscribe()
    await advance(30_000)
    const count = retrieves() + api.count({ endpoint: 'list' })
    expect(client.getJob(done.id).status).toBe('completed')
    expect(client.getJob(failed.id).status).toBe('failed')
    await advance(120_000)
    expect(retrieves() + api.count({ endpoint: 'list' })).toBe(count)
  })

  it('does not poll a job without subscribers, and aborts its request in flight', async () => {
    const { api, client, advance, retrieves } = setup({ mock: { latencyMs: 1_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const sub = client.job$(id).subscribe()
    await advance(100)
    sub.unsubscribe()
    await advance(60_000)
    expect(retrieves(id)).toBe(1)
    expect(api.log[0]?.status).toBe('aborted')
    expect(client.getJob(id)).toMatchObject({ isPolling: false, isLoading: false, video: undefined })
  })
})

describe('rule 3: coalescing', () => {
  it('20 live jobs are refreshed by a small fraction of 20 requests per interval', async () => {
    const { api, client, advance } = setup({ mock: { queueMs: 0, renderMs: 200_000 } })
    const ids = Array.from({ length: 20 }, (_, i) => api.jobs.create({ prompt: `job ${i}` }).id)
    ids.forEach((id) => client.job$(id).subscribe())
    await advance(1_000) // first sight of each job: one retrieve each
    api.resetLog()
    await advance(60_000)
    const requests = api.log.length
    const states = ids.map((id) => client.getJob(id))
    // Fixed 5 s polling of 20 jobs would send 240 requests in this minute.
    expect(requests).toBeLessThan(240 / 10)
    expect(api.count({ endpoint: 'list' })).toBeGreaterThan(0)
    expect(states.every((s) => s.status === 'in_progress' && s.progress >= 25)).toBe(true)
  })

  it('takes every watched job on the newest page along when one of them is due', async () => {
    const { api, client, advance } = setup({
      mock: { queueMs: 0, renderMs: 600_000 },
      client: { polling: { interval: (state) => (state.video?.prompt === 'fast' ? 1_000 : 60_000) } },
    })
    const fast = api.jobs.create({ prompt: 'fast' }).id
    const slow = api.jobs.create({ prompt: 'slow' }).id
    client.job$(fast).subscribe()
    client.job$(slow).subscribe()
    await advance(0)
    api.resetLog()
    await advance(10_000)
    // The fast job's polls are pages, so the slow job is fresh without a request of its own.
    expect(api.count({ endpoint: 'retrieve' })).toBe(0)
    expect(api.count({ endpoint: 'list' })).toBe(10)
    expect(client.getJob(slow).progress).toBeGreaterThanOrEqual(1)
  })

  it('tries the newest page for jobs never seen (or forgotten), instead of one request each', async () => {
    const { api, client, advance } = setup({ mock: { queueMs: 0, renderMs: 200_000 } })
    const ids = Array.from({ length: 10 }, (_, i) => api.jobs.create({ prompt: `job ${i}` }).id)
    ids.forEach((id) => client.job$(id).subscribe())
    await advance(0)
    expect(api.log.map((e) => e.endpoint)).toEqual(['list'])
    expect(ids.every((id) => client.getJob(id).status === 'in_progress')).toBe(true)
  })

  /**
   * Two old jobs, then 100 newer ones the client lists, so the old ones are off the newest page; watches the
   * old ones and the two newest, and starts counting from there.
   */
  async function watchOldAndNewest(
    { api, client, advance }: ReturnType<typeof setup>,
    old: string[],
    gapMs: number,
  ): Promise<void> {
    old.push(api.jobs.create({ prompt: 'old a' }).id, api.jobs.create({ prompt: 'old b' }).id)
    vi.advanceTimersByTime(gapMs)
    for (let i = 0; i < 100; i++) api.jobs.create({ prompt: `newer ${i}` })
    await client.list({ limit: 100 }).refresh()
    const newest = api.jobs
      .all()
      .slice(-2)
      .map((v) => v.id)
    ;[...old, ...newest].forEach((id) => client.job$(id).subscribe())
    await advance(0)
    api.resetLog()
  }

  it('refreshes the due jobs beyond the newest page with one page after a cursor, not a retrieve each', async () => {
    const context = setup({
      mock: { queueMs: 0, renderMs: 600_000 },
      client: { polling: { interval: 5_000 } },
    })
    const old: string[] = []
    await watchOldAndNewest(context, old, 1_000)
    const oldestOfTheNewer = context.api.jobs.all()[2]?.id
    await context.advance(5_000)
    const lists = context.api.log.filter((entry) => entry.endpoint === 'list').map((entry) => entry.query)
    // The newest page for the two newest jobs; the page after the oldest of the 100 newer for the old ones.
    expect(lists).toEqual([
      { order: 'desc', limit: '100' },
      { order: 'desc', limit: '100', after: oldestOfTheNewer },
    ])
    // A page that missed them would have them retrieved at once.
    expect(context.retrieves()).toBe(0)
    expect(old.every((id) => context.client.getJob(id).error === undefined)).toBe(true)
  })

  it('keeps a job off the newest page on its own interval, not dragged along by every page poll', async () => {
    const old: string[] = []
    const context = setup({
      mock: { queueMs: 0, renderMs: 600_000 },
      client: { polling: { interval: (state) => (old.includes(state.id) ? 20_000 : 5_000) } },
    })
    // Created in the same second as the 100 newer ones: by created_at alone they could be on the page. The
    // page after the newest one placed them (rows down the list rank after those of the same second).
    await watchOldAndNewest(context, old, 0)
    await context.advance(60_000)
    const lists = context.api.log.filter((entry) => entry.endpoint === 'list')
    expect(lists.filter((entry) => entry.query.after === undefined)).toHaveLength(12)
    // Their own interval (20 s): one page after a cursor for both, three times a minute.
    expect(lists.filter((entry) => entry.query.after !== undefined)).toHaveLength(3)
    expect(context.retrieves()).toBe(0)
  })
})
