import type { Video } from '@vidjob/core'
import { compareRows, pageOf, type Row } from './page'
import {
  isLiveVideo,
  OwnershipConflictError,
  type OwnedPage,
  type OwnedPageQuery,
  type OwnedVideo,
  type OwnershipStore,
} from './ownership-store'

/**
 * An {@link OwnershipStore} in memory: for tests and for a relay whose users may lose their lists on a
 * restart. Nothing is written anywhere.
 *
 * @example
 * const relay = createVideoRelay({ upstream, authenticate, store: createMemoryStore() })
 */
export function createMemoryStore(): OwnershipStore {
  const rows = new Map<string, Row>()
  const webhooks = new Map<string, number>()
  let seq = 0
  const owned = (id: string): Row | undefined => {
    const row = rows.get(id)
    return row && !row.deleted ? row : undefined
  }
  return {
    async claim(ownerId, video) {
      const row = rows.get(video.id)
      if (row && row.ownerId !== ownerId) throw new OwnershipConflictError(`Video ${video.id} has an owner.`)
      if (row) row.video = video
      else rows.set(video.id, { ownerId, video, seq: ++seq, deleted: false })
    },
    async ownerOf(id) {
      return owned(id)?.ownerId
    },
    async get(id) {
      const row = owned(id)
      return row && { ownerId: row.ownerId, video: row.video }
    },
    async update(video: Video) {
      const row = owned(video.id)
      if (row && (isLiveVideo(row.video) || !isLiveVideo(video))) row.video = video
    },
    async remove(id) {
      const row = rows.get(id)
      if (row) row.deleted = true
    },
    async list(ownerId: string, query: OwnedPageQuery): Promise<OwnedPage> {
      const mine = [...rows.values()].filter((row) => row.ownerId === ownerId).sort(compareRows)
      return pageOf(mine, query)
    },
    async live(ownerId?: string): Promise<readonly OwnedVideo[]> {
      return [...rows.values()]
        .filter((row) => !row.deleted && isLiveVideo(row.video))
        .filter((row) => ownerId === undefined || row.ownerId === ownerId)
        .map((row) => ({ ownerId: row.ownerId, video: row.video }))
    },
    async markWebhook(id, expiresAt) {
      const now = Date.now()
      for (const [seen, until] of webhooks) if (until <= now) webhooks.delete(seen)
      if (webhooks.has(id)) return false
      webhooks.set(id, expiresAt)
      return true
    },
    async close() {},
  }
}
