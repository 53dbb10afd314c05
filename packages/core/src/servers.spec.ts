import { createMockVideoApi, type MockProfileName } from '@vidjob/mock-api'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { record, setup } from '../test/harness'
import { PROFILES, transportFor } from '../test/profiles'
import { VideoJobFailedError, VideoUnsupportedError } from './errors'
import type { VideoJobState } from './types'

afterEach(() => {
  vi.useRealTimers()
})

const ORDER = { queued: 0, in_progress: 1, completed: 2, failed: 2 } as const

/** No state goes back: status never returns to an earlier stage, progress never drops. */
function expectForwardOnly(states: readonly VideoJobState[]): void {
  for (let i = 1; i < states.length; i++) {
    const [before, after] = [states[i - 1] as VideoJobState, states[i] as VideoJobState]
    if (after.status && before.status)
      expect(ORDER[after.status]).toBeGreaterThanOrEqual(ORDER[before.status])
    expect(after.progress).toBeGreaterThanOrEqual(before.progress)
  }
}

/**
 * The journey every server must carry: two jobs created and watched (so the poller would page the list),
 * one completing and one failing, live states that only move forward, the content, then a delete, or a
 * clear refusal where the server cannot delete. Capabilities are not declared: the client learns them.
 */
async function journey(profile: MockProfileName, { declare = false } = {}) {
  const capabilities = declare ? createMockVideoApi({ profile }).profile : undefined
  const { api, client, advance } = setup({
    mock: { profile, latencyMs: 100 },
    client: { capabilities },
    transport: transportFor(profile, { declare }),
  })
  const creating = Promise.all([client.create({ prompt: 'A paper boat' }), client.create({ prompt: 'Rain' })])
  await advance(1_000)
  const [good, bad] = await creating
  const rain = api.jobs.all().find((job) => job.prompt === 'Rain')
  if (rain) api.jobs.fail(rain.id, { code: 'moderation_blocked', message: 'blocked' })
  const goodStates = record(client, good.id)
  const badStates = record(client, bad.id)
  const done = client.waitForCompletion(good.id)
  const failing = client.waitForCompletion(bad.id).catch((e: unknown) => e)
  await advance(60_000)
  return { api, client, advance, good, bad, goodStates, badStates, done, failing }
}

describe.each(PROFILES)('the journey against %s', (profile) => {
  it('creates, shows live forward-only states, completes, downloads, deletes or says it cannot', async () => {
    const run = await journey(profile)
    const { api, client, advance, good, goodStates } = run
    expect((await run.done).status).toBe('completed')
    expect(client.getJob(good.id)).toMatchObject({ status: 'completed', progress: 100, isPolling: false })
    expectForwardOnly(goodStates.states)
    expect(goodStates.states.some((s) => s.status === 'in_progress')).toBe(true)

    const downloading = client.downloadContent(good.id)
    await advance(100)
    expect((await downloading).type).toBe('video/mp4')

    const before = api.log.length
    const deleting = client.delete(good.id).catch((e: unknown) => e)
    expect(client.getJob(good.id).isDeleted).toBe(true)
    await advance(1_000)
    const outcome = await deleting
    if (api.profile.delete) {
      expect(outcome).toBeUndefined()
      expect(client.getJob(good.id).isDeleted).toBe(true)
    } else {
      expect(outcome).toBeInstanceOf(VideoUnsupportedError)
      expect((outcome as Error).message).toMatch(/cannot delete videos|did not delete it/)
      expect(client.getJob(good.id)).toMatchObject({ isDeleted: false, status: 'completed' })
      const sent = api.log.length
      await expect(client.delete(good.id)).rejects.toThrow(/cannot delete videos .*so nothing was sent/)
      expect(api.log.length).toBe(sent)
    }
    expect(api.log.length - before).toBeLessThanOrEqual(2)
  })

  it('ends the failing job failed, or completed where the server cannot tell (LiteLLM over Veo)', async () => {
    const run = await journey(profile)
    const { badStates, failing } = run
    expectForwardOnly(badStates.states)
    const error = await failing
    if (api(run).statuses.includes('failed')) {
      expect(error).toBeInstanceOf(VideoJobFailedError)
      expect(badStates.last().status).toBe('failed')
      expect(badStates.last().video?.error?.message).toBeTruthy()
    } else {
      expect(badStates.last().status).toBe('completed')
    }
  })

  it('learns what the server lacks from its first answers, then sends only what it can', async () => {
    const { api } = await journey(profile)
    const lists = api.log.filter((entry) => entry.endpoint === 'list')
    expect(lists).toHaveLength(1)
    const retrieves = api.log.filter((entry) => entry.endpoint === 'retrieve')
    if (!api.profile.list) {
      // The jobs the page was for are fetched one by one at once, not after a backoff.
      expect((retrieves[0]?.receivedAt ?? Infinity) - (lists[0]?.receivedAt ?? 0)).toBeLessThan(500)
    } else expect(retrieves[0]?.receivedAt).toBeGreaterThan(lists[0]?.receivedAt ?? Infinity)
    expect(api.log.length).toBeLessThanOrEqual(BUDGET[profile])
  })

  it('sends no request the server cannot answer when its capabilities are declared', async () => {
    const { api } = await journey(profile, { declare: true })
    expect(api.count({ endpoint: 'list' })).toBe(api.profile.list ? 1 : 0)
    expect(api.log.every((entry) => typeof entry.status === 'number' && entry.status < 400)).toBe(true)
  })
})

/**
 * Requests of the 60 s journey, from the mock's log: 2 creates; OpenAI and Azure then answer both jobs
 * with one page and the live one with a retrieve per visible step of progress (9); LiteLLM and new-api
 * cost one learning list request (a 500 that says "not supported", a 404) and retrieves, new-api's more
 * as its answers are 15 s stale; vLLM-Omni refuses the two JSON creates once (422, then forms for good)
 * and reports no progress before 100; a job not seen moving is polled every 5 s (no backoff, so its
 * completion shows within 5 s), which costs LiteLLM and vLLM-Omni one retrieve more than a backoff would.
 */
const BUDGET: Record<(typeof PROFILES)[number], number> = {
  openai: 12,
  litellm: 9,
  'new-api': 12,
  'vllm-omni': 9,
  azure: 12,
}

function api(run: { api: { profile: { statuses: readonly string[] } } }) {
  return run.api.profile
}

describe('a list on a server without a list route', () => {
  it('holds the videos created here, newest first, after one learning request', async () => {
    const { api, client, advance } = setup({ mock: { profile: 'new-api' } })
    const first = await client.create({ prompt: 'one' })
    await advance(1_000)
    const second = await client.create({ prompt: 'two' })
    const list = client.list()
    const states: string[][] = []
    list.state$.subscribe((state) => states.push(state.videos.map((video) => video.id)))
    await advance(0)
    expect(list.getState()).toMatchObject({
      isLoaded: true,
      isLocalOnly: true,
      hasMore: false,
      error: undefined,
    })
    expect(states.at(-1)).toEqual([second.id, first.id])
    const third = await client.create({ prompt: 'three' })
    expect(list.getState().videos.map((video) => video.id)).toEqual([third.id, second.id, first.id])
    expect(client.list({ order: 'asc' }).getState().videos).toEqual([])
    await client.list({ order: 'asc' }).refresh()
    expect(
      client
        .list({ order: 'asc' })
        .getState()
        .videos.map((video) => video.id),
    ).toEqual([first.id, second.id, third.id])
    await list.fetchNextPage()
    expect(api.count({ endpoint: 'list' })).toBe(1)
  })

  it('keeps its rows polled while observed, by retrieves', async () => {
    const { api, client, advance } = setup({
      mock: { profile: 'litellm' },
      client: { capabilities: { list: false } },
    })
    const video = await client.create({ prompt: 'one' })
    client.list().state$.subscribe()
    await advance(40_000)
    expect(client.list().getState().videos[0]?.status).toBe('completed')
    expect(api.count({ endpoint: 'list' })).toBe(0)
    expect(api.count({ endpoint: 'retrieve' })).toBeGreaterThan(0)
    expect(client.getJob(video.id).status).toBe('completed')
  })

  it('is a server list, not local, where the server lists', async () => {
    const { client, advance } = setup()
    const list = client.list()
    list.state$.subscribe()
    await advance(0)
    expect(list.getState()).toMatchObject({ isLoaded: true, isLocalOnly: false })
  })
})
