import type { Video, VideoTransport } from '@vidjob/core'
import type { OwnershipStore } from '@vidjob/server'

const PAGE = 100
const MAX_PAGES = 20

/**
 * The demo's stand-in for an import job: before `userId`'s first page, every video of the upstream that
 * nobody owns becomes theirs, and theirs that the upstream no longer has are forgotten. So the demo's
 * seeded jobs, and jobs a test makes on the mock directly, show up for the first demo user, while every
 * other user still sees only what they made. A real deployment never does this: the upstream list is the
 * whole organization's.
 *
 * @example const store = adoptUpstream(createSqliteStore({ path }), transport, 'ann')
 */
export function adoptUpstream(
  store: OwnershipStore,
  upstream: VideoTransport,
  userId: string,
): OwnershipStore {
  const mirror = async (): Promise<void> => {
    const upstreamIds = new Set<string>()
    let after: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      const { body } = await upstream.list({ limit: PAGE, order: 'desc', after })
      const list = body as { data: Video[]; has_more: boolean; last_id: string | null }
      for (const video of list.data) {
        upstreamIds.add(video.id)
        const owner = await store.ownerOf(video.id)
        if (owner === undefined) await store.claim(userId, video).catch(() => undefined)
        else if (owner === userId) await store.update(video)
      }
      if (!list.has_more || !list.last_id) break
      after = list.last_id
    }
    for (const video of await allOf(store, userId))
      if (!upstreamIds.has(video.id)) await store.remove(video.id)
  }
  return {
    ...store,
    async list(ownerId, query) {
      // A failed mirror fails the list, as the upstream's own list would (502 when it is unreachable).
      if (ownerId === userId && query.after === undefined) await mirror()
      return store.list(ownerId, query)
    },
  }
}

async function allOf(store: OwnershipStore, userId: string): Promise<Video[]> {
  const all: Video[] = []
  let after: string | undefined
  for (;;) {
    const page = await store.list(userId, { limit: PAGE, order: 'desc', after })
    all.push(...page.videos)
    if (!page.hasMore || page.videos.length === 0) return all
    after = page.videos.at(-1)?.id
  }
}
