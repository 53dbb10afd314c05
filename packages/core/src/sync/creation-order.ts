import type { VideoStore } from '../store/video-store'
import type { FetchedPage } from './fetch-types'

/**
 * Indexes the creation order of a page's rows. Rows created in the same second keep the server's order: a
 * page further down the list adds them, in order, at the old end of their second; the top of the list adds
 * them, oldest first, at the new end.
 */
export function indexCreation(store: VideoStore, page: FetchedPage): void {
  const newestFirst = page.order === 'desc' ? page.videos : [...page.videos].reverse()
  const downTheList = page.afterCursor === (page.order === 'desc')
  for (const { id, created_at } of downTheList ? newestFirst : [...newestFirst].reverse())
    if (!store.isDeleted(id)) store.created.add(id, created_at, downTheList ? 'oldest' : 'newest')
}
