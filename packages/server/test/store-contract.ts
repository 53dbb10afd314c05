import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OwnershipConflictError, type OwnershipStore } from '../src/store/ownership-store'
import { UnknownCursorError } from '../src/store/page'
import { video } from './videos'

/** How a store under contract expires webhook ids, and so how its test lets time pass. */
export interface StoreClock {
  /**
   * `'fake'` (the default): the store reads `Date.now()`, so fake timers move its clock. `'real'`: the store
   * expires ids on a clock of its own (Redis' `PX`), so the test waits a short real while.
   */
  readonly clock?: 'fake' | 'real'
}

/**
 * The contract every {@link OwnershipStore} honours, run against each one (memory, SQLite, Redis): give it
 * a factory of empty stores.
 *
 * @example describeOwnershipStore('memory', () => createMemoryStore())
 */
export function describeOwnershipStore(
  name: string,
  create: () => OwnershipStore | Promise<OwnershipStore>,
  { clock = 'fake' }: StoreClock = {},
) {
  describe(`OwnershipStore contract: ${name}`, () => {
    let store: OwnershipStore
    beforeEach(async () => {
      store = await create()
    })
    afterEach(async () => {
      vi.useRealTimers()
      await store.close()
    })

    it('records who created a video, and refuses the id to anyone else', async () => {
      await store.claim('ann', video('v1'))
      expect(await store.ownerOf('v1')).toBe('ann')
      expect(await store.ownerOf('v2')).toBeUndefined()
      expect((await store.get('v1'))?.video.id).toBe('v1')
      await expect(store.claim('bob', video('v1'))).rejects.toBeInstanceOf(OwnershipConflictError)
      await store.claim('ann', video('v1', { progress: 5 }))
      expect((await store.get('v1'))?.video.progress).toBe(5)
    })

    it("pages a user's videos like the API: desc by default order, cursors, has_more, ties in claim order", async () => {
      for (const [id, at] of [
        ['a', 1],
        ['b', 2],
        ['c', 2],
        ['d', 3],
      ] as const)
        await store.claim('ann', video(id, { created_at: at }))
      await store.claim('bob', video('x', { created_at: 5 }))
      const ids = (page: { videos: readonly { id: string }[] }) => page.videos.map((v) => v.id)
      const first = await store.list('ann', { limit: 2, order: 'desc' })
      expect(ids(first)).toEqual(['d', 'c'])
      expect(first.hasMore).toBe(true)
      const second = await store.list('ann', { limit: 2, order: 'desc', after: 'c' })
      expect(ids(second)).toEqual(['b', 'a'])
      expect(second.hasMore).toBe(false)
      expect(ids(await store.list('ann', { limit: 10, order: 'asc', after: 'b' }))).toEqual(['c', 'd'])
      expect(ids(await store.list('ann', { limit: 0, order: 'asc' }))).toEqual([])
      expect((await store.list('ann', { limit: 0, order: 'asc' })).hasMore).toBe(true)
      expect(ids(await store.list('bob', { limit: 10, order: 'desc' }))).toEqual(['x'])
    })

    it('pages many videos of one second in claim order, both ways, without gaps or repeats', async () => {
      const ids = Array.from({ length: 23 }, (_, i) => `v${i}`)
      for (const id of ids) await store.claim('ann', video(id, { created_at: 7 }))
      for (const order of ['asc', 'desc'] as const) {
        const seen: string[] = []
        let after: string | undefined
        for (let more = true; more;) {
          const page = await store.list('ann', { limit: 5, order, after })
          seen.push(...page.videos.map((v) => v.id))
          after = seen.at(-1)
          more = page.hasMore
        }
        expect(seen).toEqual(order === 'asc' ? ids : [...ids].reverse())
      }
    })

    it('moves a video whose created_at changed to its new place, listed once', async () => {
      for (const [id, at] of [
        ['a', 1],
        ['b', 2],
      ] as const)
        await store.claim('ann', video(id, { created_at: at }))
      await store.update(video('a', { created_at: 3 }))
      const ids = async (order: 'asc' | 'desc') =>
        (await store.list('ann', { limit: 10, order })).videos.map((v) => v.id)
      expect(await ids('asc')).toEqual(['b', 'a'])
      await store.claim('ann', video('b', { created_at: 4 }))
      expect(await ids('desc')).toEqual(['b', 'a'])
    })

    it("refuses a cursor that is not one of the user's videos", async () => {
      await store.claim('ann', video('a'))
      await store.claim('bob', video('b'))
      await expect(store.list('ann', { limit: 5, order: 'desc', after: 'b' })).rejects.toBeInstanceOf(
        UnknownCursorError,
      )
      await expect(store.list('ann', { limit: 5, order: 'desc', after: 'zz' })).rejects.toBeInstanceOf(
        UnknownCursorError,
      )
    })

    it('keeps the last state of owned videos only', async () => {
      await store.claim('ann', video('a'))
      await store.update(video('a', { status: 'in_progress', progress: 40 }))
      await store.update(video('ghost'))
      expect((await store.get('a'))?.video.progress).toBe(40)
      expect(await store.get('ghost')).toBeUndefined()
    })

    it('forgets a deleted video but keeps its place as a cursor', async () => {
      for (const [id, at] of [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ] as const)
        await store.claim('ann', video(id, { created_at: at }))
      await store.remove('b')
      await store.update(video('b', { progress: 9 }))
      expect(await store.ownerOf('b')).toBeUndefined()
      expect(await store.get('b')).toBeUndefined()
      await expect(store.claim('bob', video('b'))).rejects.toBeInstanceOf(OwnershipConflictError)
      const page = await store.list('ann', { limit: 10, order: 'desc', after: 'b' })
      expect(page.videos.map((v) => v.id)).toEqual(['a'])
      expect((await store.list('ann', { limit: 10, order: 'desc' })).videos.map((v) => v.id)).toEqual([
        'c',
        'a',
      ])
    })

    it('lists the live videos, of everyone or of one user', async () => {
      await store.claim('ann', video('q'))
      await store.claim('ann', video('p', { status: 'in_progress' }))
      await store.claim('ann', video('done', { status: 'completed', progress: 100 }))
      await store.claim('bob', video('b'))
      await store.update(video('q', { status: 'failed' }))
      const ids = (rows: readonly { video: { id: string } }[]) => rows.map((r) => r.video.id).sort()
      expect(ids(await store.live())).toEqual(['b', 'p'])
      expect(ids(await store.live('ann'))).toEqual(['p'])
      await store.remove('p')
      expect(ids(await store.live('ann'))).toEqual([])
    })

    it('never makes an ended video live again (a write from an instance that saw an older state)', async () => {
      await store.claim('ann', video('q'))
      await store.update(video('q', { status: 'completed', progress: 100 }))
      await store.update(video('q', { status: 'in_progress', progress: 40 }))
      expect((await store.get('q'))?.video.status).toBe('completed')
      expect(await store.live()).toEqual([])
    })

    it('remembers webhook ids until they expire', async () => {
      // Long enough for two round trips to a real Redis, short enough to wait for.
      const ttl = clock === 'fake' ? 300_000 : 150
      if (clock === 'fake') vi.useFakeTimers({ now: 1_000_000 })
      expect(await store.markWebhook('msg_1', Date.now() + ttl)).toBe(true)
      expect(await store.markWebhook('msg_1', Date.now() + ttl)).toBe(false)
      if (clock === 'fake') vi.setSystemTime(Date.now() + ttl + 1)
      else await new Promise((resolve) => setTimeout(resolve, ttl + 50))
      expect(await store.markWebhook('msg_1', Date.now() + ttl)).toBe(true)
      expect(await store.markWebhook('msg_2', Date.now() - 1)).toBe(true)
    })
  })
}
