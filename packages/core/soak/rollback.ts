import type { VideoListHandle } from '@vidjob/core'
import type { Findings } from './findings'
import type { ListObservers } from './list-observers'
import type { WireRecorder } from './wire-recorder'

/**
 * Identifies a list's loaded pages: equal keys at two moments mean no page was loaded, replaced or
 * dropped in between; undefined when that cannot be known (e.g. nobody observes the list, so garbage
 * collection may drop its pages at any time).
 */
export type PagesKey = (handle: VideoListHandle) => string | undefined

/**
 * Pages stay as they were while the list is observed throughout (no garbage collection) and no page
 * answer for its query reached the client.
 *
 * @example const pagesKey = observedPagesKey(listObservers, wire)
 */
export function observedPagesKey(lists: ListObservers, wire: WireRecorder): PagesKey {
  return (handle) => {
    const epoch = lists.observationEpoch(handle)
    return epoch === undefined ? undefined : `${epoch}:${wire.listAnswers(handle.query)}`
  }
}

/** The rows of one list just before a delete. */
export interface ListSnapshot {
  readonly handle: VideoListHandle
  readonly ids: readonly string[]
  readonly pages: string | undefined
}

/**
 * The row ids of every list, taken just before `delete(id)`, to compare after a rollback.
 *
 * @example const before = snapshotLists([client.list()], pagesKey)
 */
export function snapshotLists(handles: readonly VideoListHandle[], pagesKey: PagesKey): ListSnapshot[] {
  return handles.map((handle) => ({ handle, ids: rowIds(handle), pages: pagesKey(handle) }))
}

/**
 * After a failed delete of `id`, every list that showed it shows it again at its exact place: among the
 * rows it showed before that it still shows, in the same order, `id` included. Only lists whose pages
 * stayed as they were can be compared (rows created or hidden meanwhile are left out of the comparison);
 * returns how many were.
 *
 * @example
 * const compared = verifyRollback(findings, id, before, pagesKey)
 */
export function verifyRollback(
  findings: Findings,
  id: string,
  snapshots: readonly ListSnapshot[],
  pagesKey: PagesKey,
): number {
  let compared = 0
  for (const { handle, ids, pages } of snapshots) {
    if (!ids.includes(id) || pages === undefined || pagesKey(handle) !== pages) continue
    const now = rowIds(handle)
    const [before, shown] = [new Set(ids), new Set(now)]
    const expected = ids.filter((other) => other === id || shown.has(other))
    const restored = now.filter((other) => before.has(other))
    compared++
    if (restored.join() !== expected.join())
      findings.add('delete', `${id} not restored at its place: [${ids.join()}] became [${now.join()}]`)
  }
  return compared
}

/**
 * The ids of a list's rows, in order.
 *
 * @example rowIds(client.list()) // ['video_3', 'video_2']
 */
export function rowIds(handle: VideoListHandle): string[] {
  return handle.getState().videos.map((video) => video.id)
}
