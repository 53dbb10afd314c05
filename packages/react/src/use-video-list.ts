import type { VideoListOptions, VideoListState } from '@vidjob/core'
import { listReadable, type ListReadable } from '@vidjob/core/bindings'
import { useMemo } from 'react'
import { useReadable } from './use-readable'
import { useVideoClient } from './video-client-provider'

/** What {@link useVideoList} returns: the list's state plus its paging actions (stable for a query). */
export interface UseVideoListResult extends VideoListState, Pick<ListReadable, 'fetchNextPage' | 'refresh'> {}

/**
 * A live, paged list of videos (`order` defaults to `'desc'`, newest first). The first page loads when the
 * first component mounts; its unfinished rows are kept fresh by the shared poller while any component
 * shows the list. Rows keep their object identity while their video is unchanged, so memoized rows skip
 * re-rendering. A query outside the spec (`limit` not an integer 0–100) throws a `VideoValidationError`
 * to the nearest error boundary.
 *
 * @example
 * function Jobs() {
 *   const { videos, hasMore, isFetchingNextPage, fetchNextPage } = useVideoList({ limit: 20 })
 *   return (
 *     <>
 *       {videos.map((video) => <JobRow key={video.id} id={video.id} />)}
 *       {hasMore && <button disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>Load more</button>}
 *     </>
 *   )
 * }
 */
export function useVideoList(query: VideoListOptions = {}): UseVideoListResult {
  const client = useVideoClient()
  const { limit, order } = query
  // Memoized on the primitives, so a caller's fresh object literal neither resubscribes nor re-checks.
  const list = useMemo(() => listReadable(client, { limit, order }), [client, limit, order])
  const state = useReadable(list)
  return useMemo(
    () => ({ ...state, fetchNextPage: list.fetchNextPage, refresh: list.refresh }),
    [state, list],
  )
}
