import { afterEach, describe, expect, it, vi } from 'vitest'
import { BASE_URL, setup, START } from '../../test/harness'
import { createVideoClient } from '../client'
import { createFetchTransport } from '../transport/fetch-transport'

afterEach(() => {
  vi.useRealTimers()
})

/** `count` live jobs on the mock, each watched by the client, seen once, with the request log cleared. */
async function watchLiveJobs(context: ReturnType<typeof setup>, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => context.api.jobs.create({ prompt: `job ${i}` }).id)
  ids.forEach((id) => context.client.job$(id).subscribe())
  await context.advance(5_000)
  context.api.resetLog()
  return ids
}

/** The most requests the mock held at once, sampled every `stepMs` over `ms`. */
async function peakInFlight(context: ReturnType<typeof setup>, ms: number, stepMs: number): Promise<number> {
  let peak = 0
  for (let t = 0; t < ms; t += stepMs) {
    await context.advance(stepMs)
    peak = Math.max(peak, context.api.log.filter((entry) => entry.status === undefined).length)
  }
  return peak
}

/**
 * `old` live jobs (each with its `renderMs`) watched off the newest page: 100 newer jobs nobody watches
 * were made after them. Returns their ids once the client has placed them, with the log cleared.
 */
async function watchOldJobs(
  context: ReturnType<typeof setup>,
  renders: readonly number[],
): Promise<string[]> {
  const ids = renders.map((renderMs, i) => context.api.jobs.create({ prompt: `old ${i}`, renderMs }).id)
  for (let i = 0; i < 100; i++) context.api.jobs.create({ prompt: `newer ${i}` })
  ids.forEach((id) => context.client.job$(id).subscribe())
  await context.advance(20_000)
  context.api.resetLog()
  return ids
}

/** A stable scramble of an id, to watch jobs in an order unrelated to their age. */
function hash(id: string): number {
  let h = 0
  for (const char of id) h = (h * 31 + char.charCodeAt(0)) | 0
  return h
}

/** When each page after a cursor reached the mock. */
function pagesAfterCursor(context: ReturnType<typeof setup>): number[] {
  const pages = context.api.log.filter((entry) => entry.endpoint === 'list' && entry.query.after)
  return pages.map((entry) => entry.receivedAt)
}

describe('the poller at scale', { timeout: 30_000 }, () => {
  it('refreshes 1,000 live jobs with about ⌈N / 100⌉ list pages per interval, and no retrieve', async () => {
    const context = setup({
      mock: { queueMs: 0, renderMs: 6_000_000, latencyMs: 150 },
      client: { polling: { interval: 5_000 } },
    })
    const ids = await watchLiveJobs(context, 1_000)
    await context.advance(20_000)
    // A page holds 100 jobs, and each job gets a page at least every 7.5 s: no fewer pages than that.
    expect(context.lists()).toBeGreaterThanOrEqual(Math.floor((20_000 / 7_500) * 10))
    expect(context.lists() / 4).toBeLessThanOrEqual(15)
    expect(context.retrieves()).toBe(0)
    expect(ids.every((id) => context.client.getJob(id).error === undefined)).toBe(true)
  })

  it('lets more requests fly while answers come fast, and halves them when the server strains', async () => {
    const context = setup({
      mock: { queueMs: 0, renderMs: 6_000_000, latencyMs: 150 },
      client: { polling: { interval: 2_000 } },
    })
    // No list route: every job needs a retrieve of its own.
    context.api.faults.add({ fault: { type: 'error', status: 404 }, endpoint: 'list' })
    await watchLiveJobs(context, 300)
    const grown = await peakInFlight(context, 20_000, 50)
    expect(grown).toBeGreaterThan(8)
    context.api.faults.add({ fault: { type: 'error', status: 503 }, endpoint: 'retrieve', times: 40 })
    await context.advance(4_000)
    const strained = await peakInFlight(context, 1_000, 50)
    expect(strained).toBeLessThan(grown)
  })

  it('lets 5,000 watchers go without a request, a timer, or a scan per watcher', async () => {
    const context = setup({ mock: { queueMs: 0, renderMs: 6_000_000 } })
    const ids = Array.from({ length: 5_000 }, (_, i) => context.api.jobs.create({ prompt: `job ${i}` }).id)
    const subscriptions = ids.map((id) => context.client.job$(id).subscribe())
    await context.advance(10_000)
    context.api.resetLog()
    subscriptions.forEach((subscription) => subscription.unsubscribe())
    await context.advance(60_000)
    expect(context.api.log).toHaveLength(0)
    expect(ids.every((id) => !context.client.getJob(id).isPolling)).toBe(true)
    // Only the garbage-collection sweep is left.
    expect(vi.getTimerCount()).toBe(1)
  })

  it('checks a page whose riders leave once, at the end of the task, and keeps it for one that stays', async () => {
    const context = setup({ mock: { queueMs: 0, renderMs: 6_000_000, latencyMs: 1_000 } })
    const ids = Array.from({ length: 100 }, (_, i) => context.api.jobs.create({ prompt: `job ${i}` }).id)
    const subscriptions = ids.map((id) => context.client.job$(id).subscribe())
    await context.advance(500)
    expect(context.api.log.map((entry) => [entry.endpoint, entry.status])).toEqual([['list', undefined]])
    const abort = vi.spyOn(AbortController.prototype, 'abort')
    subscriptions.slice(1).forEach((subscription) => subscription.unsubscribe())
    await Promise.resolve()
    expect(abort).not.toHaveBeenCalled()
    // The last rider leaves too: nothing is aborted until the task is over, then the page.
    subscriptions[0]?.unsubscribe()
    expect(abort).not.toHaveBeenCalled()
    await Promise.resolve()
    expect(abort).toHaveBeenCalled()
    await context.flush()
    expect(context.api.log.map((entry) => [entry.endpoint, entry.status])).toEqual([['list', 'aborted']])
    abort.mockRestore()
  })

  it('lets jobs of unknown age watched one after another share a newest page a second, not one each', async () => {
    const context = setup({ mock: { queueMs: 0, renderMs: 600_000, latencyMs: 50 } })
    // Ten jobs started elsewhere (another tab, another device) are watched by id as they appear, one every
    // 100 ms: each is newer than any page the client has seen.
    const ids: string[] = []
    for (let i = 0; i < 10; i++) {
      const { id } = context.api.jobs.create({ prompt: `job ${i}` })
      ids.push(id)
      context.client.job$(id).subscribe()
      await context.advance(100)
    }
    await context.advance(1_000)
    const pages = context.api.log
      .filter((entry) => entry.endpoint === 'list')
      .map((entry) => entry.receivedAt)
    // The first job's page, then one for the nine that came after it, a second later.
    expect(pages).toHaveLength(2)
    expect(pages[1]! - pages[0]!).toBe(1_000)
    expect(ids.every((id) => context.client.getJob(id).video !== undefined)).toBe(true)
    // A job the first page answered just before it was made is retrieved once to learn its age.
    expect(context.retrieves()).toBeLessThanOrEqual(1)
  })

  it('learns 5,000 jobs it has never seen by walking the list from several places at once', async () => {
    const context = setup({ mock: { queueMs: 0, renderMs: 6_000_000, latencyMs: 150 } })
    const ids = Array.from({ length: 5_000 }, (_, i) => context.api.jobs.create({ prompt: `job ${i}` }).id)
    // Watched in any order: the walkers start from jobs spread over the list at random.
    const shuffled = [...ids].sort((a, b) => hash(a) - hash(b))
    shuffled.forEach((id) => context.client.job$(id).subscribe())
    let elapsed = 0
    while (ids.some((id) => context.client.getJob(id).video === undefined) && elapsed < 20_000) {
      await context.advance(150)
      elapsed += 150
    }
    // One walk from the top takes 50 round trips (7.5 s); several take a fraction of it (1.8 s here).
    expect(elapsed).toBeLessThanOrEqual(3_000)
    const pages = context.api.log.filter(
      (entry) => entry.endpoint === 'list' && entry.receivedAt < START + elapsed,
    )
    // 50 pages hold the list; overlaps where walks meet cost a few more.
    expect(pages.length).toBeLessThanOrEqual(75)
    expect(context.retrieves()).toBe(0)
  })

  it('keeps its list route when a walker starts from an id the server answers 404 for as a cursor', async () => {
    const context = setup({ mock: { queueMs: 0, renderMs: 6_000_000, latencyMs: 150 } })
    const real = Array.from({ length: 1_000 }, (_, i) => context.api.jobs.create({ prompt: `job ${i}` }).id)
    const bogus = real.map((_, i) => `video_gone${i}`)
    // A server that answers 404, not the spec's 400, for a cursor it never listed.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const after = new URL(String(input)).searchParams.get('after') ?? ''
      if (!after.startsWith('video_gone')) return context.api.fetch(input, init)
      return Response.json(
        { error: { message: 'No such video', type: 'invalid_request_error' } },
        { status: 404 },
      )
    }
    const transport = createFetchTransport({ baseURL: BASE_URL, fetch })
    const client = createVideoClient({ transport, environment: context.environment })
    // Half the jobs watched do not exist: about half the walkers start from one of them.
    real.forEach((id, i) => [id, bogus[i] as string].forEach((watched) => client.job$(watched).subscribe()))
    await context.advance(10_000)
    expect(real.every((id) => client.getJob(id).video !== undefined)).toBe(true)
    context.api.resetLog()
    await context.advance(20_000)
    // Still paged: about ⌈1,000 ÷ 100⌉ pages per interval, and no real job retrieved on its own.
    expect(context.lists()).toBeGreaterThan(0)
    expect(real.filter((id) => context.retrieves(id) > 0)).toEqual([])
    client.dispose()
  })

  it('sends no walker while list pages are paused after a 503', async () => {
    const context = setup({ mock: { queueMs: 0, renderMs: 6_000_000, latencyMs: 150 } })
    const ids = Array.from({ length: 2_000 }, (_, i) => context.api.jobs.create({ prompt: `job ${i}` }).id)
    // The first three pages (the newest and two walkers) answer 503: lists pause 5 s.
    context.api.faults.add({ fault: { type: 'error', status: 503 }, endpoint: 'list', times: 3 })
    ids.forEach((id) => context.client.job$(id).subscribe())
    await context.advance(10_000)
    const pages = context.api.log
      .filter((entry) => entry.endpoint === 'list')
      .map((entry) => entry.receivedAt)
    expect(pages.slice(0, 3)).toEqual([START, START, START])
    // No page, a walker's or any other, until the pause is over (the 503s came back at 150 ms).
    expect(pages.filter((at) => at > START && at < START + 5_150)).toEqual([])
  })

  it('emits a list once per page that refreshes its rows, not once per row', async () => {
    const context = setup({
      mock: { queueMs: 0, renderMs: 6_000_000 },
      client: { polling: { interval: 5_000 } },
    })
    for (let i = 0; i < 100; i++) context.api.jobs.create({ prompt: `job ${i}` })
    const emissions: unknown[] = []
    context.client.list({ limit: 100 }).state$.subscribe((state) => emissions.push(state))
    await context.advance(5_000)
    emissions.length = 0
    context.api.resetLog()
    await context.advance(30_000)
    expect(context.lists()).toBeGreaterThan(0)
    expect(emissions.length).toBeLessThanOrEqual(context.lists())
  })

  it.each([
    // A point every 200 ms, close to a round trip: the readings pin the end to about a round trip.
    [20_000, 3 * 150, 12],
    // A point every 1.2 s: the readings pin it far below a point.
    [120_000, 2.5 * 150, 20],
  ])(
    'sees a job of %i ms complete within %i ms, polling near its end sooner than minInterval',
    async (renderMs, within, polls) => {
      const context = setup({ mock: { queueMs: 0, renderMs, latencyMs: 150 } })
      const { id } = context.api.jobs.create({ prompt: 'x' })
      const completedAt = Date.now() + renderMs
      let seenAt: number | undefined
      context.client.job$(id).subscribe((state) => {
        if (state.status === 'completed') seenAt ??= Date.now()
      })
      for (let t = 0; t < renderMs + 10_000 && seenAt === undefined; t += 10) await context.advance(10)
      expect((seenAt as number) - completedAt).toBeLessThanOrEqual(within)
      expect(context.retrieves(id)).toBeLessThanOrEqual(polls)
    },
  )
  it("keeps jobs that share a page at a page's pace: one page for all of them at least every 7.5 s", async () => {
    const context = setup({ mock: { queueMs: 0, latencyMs: 150 } })
    // Ten minutes of rendering: on their own, a visible step (8 points) is 48 s away.
    const ids = await watchOldJobs(context, Array(60).fill(600_000))
    await context.advance(60_000)
    const pages = pagesAfterCursor(context)
    const gaps = pages.slice(1).map((at, i) => at - (pages[i] as number))
    expect(Math.max(...gaps)).toBeLessThanOrEqual(7_500 + 150)
    expect(pages.length).toBeLessThanOrEqual(10)
    expect(context.retrieves()).toBe(0)
    expect(ids.every((id) => context.client.getJob(id).progress > 0)).toBe(true)
  })

  it("looks for a job's end with a retrieve of its own, not by pulling its crowded page early", async () => {
    const context = setup({ mock: { queueMs: 0, latencyMs: 150 } })
    const [ending, ...others] = await watchOldJobs(context, [50_000, ...Array(30).fill(600_000)])
    const endsAt = START + 50_000
    let shownAt: number | undefined
    context.client.job$(ending as string).subscribe((state) => {
      if (state.status === 'completed') shownAt ??= Date.now()
    })
    await context.advance(40_000)
    expect(shownAt! - endsAt).toBeLessThanOrEqual(1_000)
    expect(context.retrieves(ending)).toBeGreaterThanOrEqual(1)
    expect(others.every((id) => context.retrieves(id) === 0)).toBe(true)
    // The page's own pace, 7.5 s: no page pulled early by the job's end.
    expect(pagesAfterCursor(context).length).toBeLessThanOrEqual(6)
  })
})
