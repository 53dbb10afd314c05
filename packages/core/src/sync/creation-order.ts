import type { VideoStore } from '../store/video-store'
import type { FetchedPage } from './fetch-types'

/**
 * Indexes the creation order of a page's rows. Rows new to the cache go at the old end of their second
 * when the page is further down the list, at the new end when it is the top; then the page's rows, led by
 * its cursor, are put in the page's order: pages that walk down from different places (and rows first seen
 * alone) leave the order within a second right once a page has shown it.
 */
export function indexCreation(store: VideoStore, page: FetchedPage): void {
  const newestFirst = page.order === 'desc' ? page.videos : [...page.videos].reverse()
  const { after } = page
  const downTheList = (after !== undefined) === (page.order === 'desc')
  for (const { id, created_at } of downTheList ? newestFirst : [...newestFirst].reverse())
    if (!store.isDeleted(id)) store.created.add(id, created_at, downTheList ? 'oldest' : 'newest')
  const run = newestFirst.map((video) => video.id)
  if (after === undefined) store.created.placeRun(run)
  else store.created.placeRun(page.order === 'desc' ? [after, ...run] : [...run, after])
}
