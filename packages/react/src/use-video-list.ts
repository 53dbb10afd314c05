import type { VideoListOptions, VideoListState } from '@vidjob/core'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { useVideoClient } from './video-client-provider'

/**
 * The state of a live list plus its paging actions (stable for a given query).
 *
 * @example
 * const { videos, hasMore, fetchNextPage }: VideoListResult = useVideoList({ limit: 20 })
 */
export interface VideoListResult extends VideoListState {
  /** Loads the page after the last loaded one; resolves once it is shown (failures go to `error`). */
  fetchNextPage(): Promise<void>
  /** Reloads every loaded page; resolves once they are shown (failures go to `error`). */
  refresh(): Promise<void>
}

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
export function useVideoList(query: VideoListOptions = {}): VideoListResult {
  const client = useVideoClient()
  const { limit, order } = query
  // The client returns the same handle for the same query; memoizing on the primitives only spares the
  // query check on every render of a caller that passes a fresh object literal.
  const handle = useMemo(() => client.list({ limit, order }), [client, limit, order])
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = handle.state$.subscribe(onChange)
      return () => subscription.unsubscribe()
    },
    [handle],
  )
  const getSnapshot = useCallback(() => handle.getState(), [handle])
  const state = useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
  const actions = useMemo(
    () => ({ fetchNextPage: () => handle.fetchNextPage(), refresh: () => handle.refresh() }),
    [handle],
  )
  return useMemo(() => ({ ...state, ...actions }), [state, actions])
}
