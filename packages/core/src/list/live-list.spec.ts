import { afterEach, describe, expect, it, vi } from 'vitest'
import { setup } from '../../test/harness'
import { VideoApiError, VideoValidationError } from '../errors'
import type { VideoListState } from '../types'

afterEach(() => {
  vi.useRealTimers()
})

function seed(api: ReturnType<typeof setup>['api'], count: number): string[] {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    ids.push(api.jobs.create({ prompt: `video ${i}` }).id)
    vi.advanceTimersByTime(1_000) // distinct created_at seconds
  }
  return ids
}

describe('client.list', () => {
  it('returns the same handle for the same query, defaulting to desc', () => {
    const { client } = setup()
    expect(client.list()).toBe(client.list({ order: 'desc' }))
    expect(client.list({ limit: 5 })).toBe(client.list({ limit: 5, order: 'desc' }))
    expect(client.list({ order: 'asc' })).not.toBe(client.list())
    expect(client.list().query).toEqual({ order: 'desc' })
  })

  it('refuses a query outside the spec without sending or clamping it', () => {
    const { api, client } = setup()
    for (const limit of [101, -1, 1.5, Number.NaN])
      expect(() => client.list({ limit })).toThrow(VideoValidationError)
    expect(() => client.list({ order: 'newest' as 'asc' })).toThrow(/order must be 'asc' or 'desc'/)
    expect(() => client.list({ limit: 101 })).toThrow(/limit must be at most 100/)
    expect(api.log).toHaveLength(0)
  })

  it('loads the first page on first subscription and pages by cursor', async () => {
    const { api, client, advance } = setup()
    const ids = seed(api, 5)
    const list = client.list({ limit: 2 })
    expect(list.getState()).toMatchObject({ videos: [], isLoaded: false, isLoading: false, hasMore: false })
    const states: VideoListState[] = []
    list.state$.subscribe((s) => states.push(s))
    expect(states[0]?.isLoading).toBe(true)
    await advance(0)
    expect(list.getState().videos.map((v) => v.id)).toEqual([ids[4], ids[3]])
    expect(list.getState()).toMatchObject({ hasMore: true, isLoading: false, isLoaded: true })
    const next = list.fetchNextPage()
    expect(list.getState().isFetchingNextPage).toBe(true)
    await next
    await list.fetchNextPage()
    expect(list.getState().videos.map((v) => v.id)).toEqual([...ids].reverse())
    expect(list.getState()).toMatchObject({ hasMore: false, isFetchingNextPage: false })
    const afters = api.log.filter((e) => e.endpoint === 'list').map((e) => e.query.after)
    expect(afters).toEqual([undefined, ids[3], ids[1]])
    await list.fetchNextPage()
    expect(api.count({ endpoint: 'list' })).toBe(3)
  })

  it('pages an asc list from the oldest', async () => {
    const { api, client } = setup()
    const ids = seed(api, 3)
    const list = client.list({ order: 'asc', limit: 2 })
    await list.refresh()
    await list.fetchNextPage()
    expect(list.getState().videos.map((v) => v.id)).toEqual(ids)
  })

  it('refresh reloads every loaded page and resolves once they are in the state', async () => {
    const { api, client } = setup()
    seed(api, 5)
    const list = client.list({ limit: 2 })
    await list.refresh()
    await list.fetchNextPage()
    const newer = api.jobs.create({ prompt: 'newest' }).id
    api.resetLog()
    await list.refresh()
    expect(api.count({ endpoint: 'list' })).toBe(2)
    expect(list.getState().videos[0]?.id).toBe(newer)
    expect(list.getState().videos).toHaveLength(4)
  })

  it('puts failures in the state, keeps the loaded rows, and resolves', async () => {
    const { api, client } = setup()
    seed(api, 3)
    const list = client.list({ limit: 2 })
    await list.refresh()
    const rows = list.getState().videos
    api.faults.next({ type: 'error', status: 500, message: 'upstream exploded' })
    await expect(list.fetchNextPage()).resolves.toBeUndefined()
    expect(list.getState().error).toBeInstanceOf(VideoApiError)
    expect(list.getState().error?.message).toBe('upstream exploded')
    expect(list.getState().videos).toBe(rows)
    api.faults.next({ type: 'schema' })
    await list.refresh()
    expect(list.getState().error).toBeInstanceOf(VideoValidationError)
    expect(list.getState().videos).toBe(rows)
    await list.fetchNextPage()
    expect(list.getState()).toMatchObject({ error: undefined, hasMore: false })
  })

  it('keeps the non-terminal rows of an observed list polled, and stops when unobserved', async () => {
    const { api, client, advance } = setup()
    seed(api, 3)
    const list = client.list()
    const sub = list.state$.subscribe()
    await advance(40_000)
    expect(list.getState().videos.every((v) => v.status === 'completed')).toBe(true)
    sub.unsubscribe()
    api.jobs.create({ prompt: 'later' })
    api.resetLog()
    await advance(60_000)
    expect(api.log).toHaveLength(0)
  })

  it('drops the pages of a list nobody observed for gcTime', async () => {
    const { api, client, advance } = setup({ client: { gcTime: 5_000 } })
    seed(api, 2)
    const list = client.list()
    const sub = list.state$.subscribe()
    await advance(0)
    expect(list.getState().videos).toHaveLength(2)
    sub.unsubscribe()
    await advance(5_000)
    expect(list.getState().videos).toHaveLength(0)
    list.state$.subscribe()
    await advance(0)
    expect(list.getState().videos).toHaveLength(2)
  })
})

describe('list.ensureLoaded', () => {
  it('loads the first page once, resolves with the state and leaves nothing observed', async () => {
    const { api, client, advance } = setup()
    const ids = seed(api, 3)
    const list = client.list({ limit: 2 })
    const [first, second] = await Promise.all([list.ensureLoaded(), list.ensureLoaded()])
    expect(first).toBe(second)
    expect(first).toMatchObject({ isLoaded: true, hasMore: true })
    expect(first.videos.map((v) => v.id)).toEqual([ids[2], ids[1]])
    await expect(list.ensureLoaded()).resolves.toBe(list.getState())
    expect(api.count({ endpoint: 'list' })).toBe(1)
    await advance(60_000)
    expect(api.count({ endpoint: 'list' })).toBe(1)
  })

  it('rejects with the typed error of a failed first page and keeps no stale promise', async () => {
    const { api, client } = setup()
    seed(api, 1)
    api.faults.next({ type: 'error', status: 500, message: 'list is down' }, { endpoint: 'list' })
    const list = client.list()
    const error = await list.ensureLoaded().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoApiError)
    expect(error).toMatchObject({ status: 500, message: expect.stringContaining('list is down') })
    await expect(list.ensureLoaded()).resolves.toMatchObject({ isLoaded: true, error: undefined })
  })

  it('rejects when the client is disposed before the first page arrives', async () => {
    const { client } = setup()
    const pending = client.list().ensureLoaded()
    client.dispose()
    await expect(pending).rejects.toThrow(/disposed before its first page loaded/)
  })
})
