import { afterEach, describe, expect, it, vi } from 'vitest'
import { setup } from '../../test/harness'
import { VideoValidationError } from '../errors'

afterEach(() => {
  vi.useRealTimers()
})

/** A server that ignores `limit` and answers `rows` videos, newest first, every time. */
function ignoringLimit(rows: number) {
  const ctx = setup()
  const data = Array.from({ length: rows }, (_, i) => ({
    id: `video_${String(i).padStart(6, '0')}`,
    object: 'video',
    status: 'completed',
    progress: 100,
    created_at: 1_767_225_600 - i,
  }))
  const list = vi.spyOn(ctx.transport, 'list').mockImplementation(async (query) => {
    const from = query.after === undefined ? 0 : data.findIndex((row) => row.id === query.after) + 1
    const page = data.slice(from)
    return { body: { object: 'list', data: page, has_more: false, last_id: page.at(-1)?.id ?? null } }
  })
  return { ...ctx, list }
}

describe('a page with more rows than asked for', () => {
  it('keeps the first `limit` rows, says so once in the state, and pages on from the last row kept', async () => {
    const { client, list } = ignoringLimit(5_000)
    const handle = client.list({ limit: 20 })
    await handle.refresh()
    const state = handle.getState()
    expect(state.videos).toHaveLength(20)
    expect(state.hasMore).toBe(true)
    expect(state.error).toBeInstanceOf(VideoValidationError)
    expect(state.error?.message).toMatch(/answered 5000 rows for limit=20: the first 20 are kept/)
    expect(client.getJob('video_000025').video).toBeUndefined()
    await handle.fetchNextPage()
    expect(list.mock.calls.at(-1)?.[0]).toMatchObject({ limit: 20, after: 'video_000019' })
    expect(
      handle
        .getState()
        .videos.map((video) => video.id)
        .slice(18, 22),
    ).toEqual(['video_000018', 'video_000019', 'video_000020', 'video_000021'])
  })

  it('reads at most 100 rows when no limit was asked (the spec maximum)', async () => {
    const { client } = ignoringLimit(1_000)
    const handle = client.list()
    await handle.refresh()
    expect(handle.getState().videos).toHaveLength(100)
    expect(handle.getState().error?.message).toMatch(/1000 rows for at most 100/)
  })

  it('clears the message once a page keeps to its limit', async () => {
    const { client, list } = ignoringLimit(30)
    const handle = client.list({ limit: 20 })
    await handle.refresh()
    expect(handle.getState().error).toBeInstanceOf(VideoValidationError)
    list.mockResolvedValueOnce({ body: { object: 'list', data: [], has_more: false, last_id: null } })
    await handle.refresh()
    expect(handle.getState().error).toBeUndefined()
  })
})
