import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeVideo } from '../../test/fixtures'
import { eachSeed } from '../../test/property-seed'
import { VideoStore } from '../store/video-store'
import { indexCreation } from './creation-order'
import type { FetchedPage } from './fetch-types'

/** The server's list, newest first: ids and their `created_at` (whole seconds). */
type Server = readonly { readonly id: string; readonly at: number }[]

/** The page of `size` rows after row `start - 1` of `server` (the newest page when `start` is 0). */
function pageOf(server: Server, start: number, size: number): FetchedPage {
  return {
    videos: server.slice(start, start + size).map(({ id, at }) => makeVideo({ id, created_at: at })),
    lastId: server[Math.min(start + size, server.length) - 1]?.id ?? null,
    hasMore: start + size < server.length,
    order: 'desc',
    after: start === 0 ? undefined : server[start - 1]?.id,
    seq: 0,
    observedAt: 0,
    pollAfterMs: undefined,
  }
}

function indexed(store: VideoStore): string[] {
  return Array.from({ length: store.created.size }, (_, rank) => store.created.idAt(rank) as string)
}

/** `count` rows, newest first, `perSecond` to a second. */
function serverOf(count: number, perSecond: number): Server {
  return Array.from({ length: count }, (_, i) => ({ id: `v${i}`, at: 1_000 - Math.floor(i / perSecond) }))
}

describe('indexCreation', () => {
  it('puts a walk from the top in server order where a walk from further down got there first', () => {
    // Ten videos in one second: a walker's page after v3 learns v4..v7 first, then the walk from the top.
    const server = serverOf(10, 10)
    const store = new VideoStore({ now: () => 0 })
    indexCreation(store, pageOf(server, 4, 4))
    indexCreation(store, pageOf(server, 0, 3))
    // Without the page's order, v0..v2 would sit after v4..v7: the old end of their second.
    indexCreation(store, pageOf(server, 3, 3))
    indexCreation(store, pageOf(server, 6, 4))
    expect(indexed(store)).toEqual(server.map(({ id }) => id))
  })

  it("keeps a second's other videos newer than a page that starts in it, older than one that ends in it", () => {
    const server = serverOf(8, 4)
    const store = new VideoStore({ now: () => 0 })
    // Seen alone first, each taken for the newest of its second: v3 v2 v1 v0 | v7 v6 v5 v4.
    for (const { id, at } of server) store.created.add(id, at)
    // The page after v1 holds v2..v5: v0 is newer than it, v6 and v7 older (their own order still unknown).
    indexCreation(store, pageOf(server, 2, 4))
    expect(indexed(store)).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v7', 'v6'])
  })

  it('ends in server order once a walk from the top has passed, whatever pages came before (property)', () => {
    const scenario = fc
      .record({ count: fc.integer({ min: 1, max: 40 }), perSecond: fc.integer({ min: 1, max: 12 }) })
      .chain(({ count, perSecond }) =>
        fc.record({
          server: fc.constant(serverOf(count, perSecond)),
          islands: fc.array(
            fc.record({ start: fc.nat({ max: count - 1 }), size: fc.integer({ min: 1, max: 8 }) }),
            { maxLength: 8 },
          ),
          walkSize: fc.integer({ min: 2, max: 10 }),
        }),
      )
    return eachSeed([20261205], (seed) =>
      fc.assert(
        fc.property(scenario, ({ server, islands, walkSize }) => {
          const store = new VideoStore({ now: () => 0 })
          const rankIn = new Map(server.map(({ id }, rank) => [id, rank]))
          const place = (start: number, size: number): void => {
            const page = pageOf(server, start, size)
            indexCreation(store, page)
            // Each page, led by its cursor when cached, is in server order once placed.
            const run = [page.after, ...page.videos.map((video) => video.id)].filter((id) => id !== undefined)
            const ranks = run.map((id) => store.created.rankOf(id)).filter((rank) => rank !== undefined)
            expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
          }
          for (const { start, size } of islands) place(start, size)
          for (let start = 0; start < server.length; start += walkSize) place(start, walkSize)
          expect(indexed(store)).toEqual(server.map(({ id }) => id))
          expect(indexed(store).every((id, rank) => rankIn.get(id) === rank)).toBe(true)
        }),
        { seed, numRuns: 300 },
      ),
    )
  })
})
