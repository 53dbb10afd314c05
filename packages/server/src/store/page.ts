import type { Video } from '@vidjob/core'
import type { OwnedPage, OwnedPageQuery } from './ownership-store'

/** A store's row: a video, its owner, the order it was claimed in, and whether it was deleted. */
export interface Row {
  readonly ownerId: string
  video: Video
  readonly seq: number
  deleted: boolean
}

/** Oldest first: by `created_at`, then by the order of claims (several videos a second). */
export function compareRows(a: Row, b: Row): number {
  return a.video.created_at - b.video.created_at || a.seq - b.seq
}

/**
 * The page after the cursor of rows in creation order, as the API pages (`after` is the id of a row of a
 * previous page; a deleted row keeps its place as a cursor). An unknown cursor throws {@link UnknownCursorError}.
 */
export function pageOf(ascending: readonly Row[], query: OwnedPageQuery): OwnedPage {
  const ordered = query.order === 'asc' ? ascending : [...ascending].reverse()
  let start = 0
  if (query.after !== undefined) {
    const index = ordered.findIndex((row) => row.video.id === query.after)
    if (index === -1) throw new UnknownCursorError(query.after)
    start = index + 1
  }
  const rest = ordered.slice(start).filter((row) => !row.deleted)
  return { videos: rest.slice(0, query.limit).map((row) => row.video), hasMore: rest.length > query.limit }
}

/** `after` names no video of this user. */
export class UnknownCursorError extends Error {
  override name = 'UnknownCursorError'
  constructor(after: string) {
    super(`after must be the id of a video from a previous page; '${after}' was never listed here.`)
  }
}
