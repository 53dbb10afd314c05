import type { VideoClient, VideoListHandle, VideoListOptions, VideoListState } from '../types'
import type { Readable } from './readable'

/** A list's state as a readable, with the list's actions. */
export interface ListReadable
  extends Readable<VideoListState>, Pick<VideoListHandle, 'fetchNextPage' | 'refresh' | 'ensureLoaded'> {}

/**
 * A live, paged list as a readable: subscribing loads its first page and keeps its unfinished rows polled.
 * The same query gives the same list (`client.list`); the actions are bound, so they can be passed around.
 * A query outside the spec throws a `VideoValidationError`.
 */
export function listReadable(client: VideoClient, query: VideoListOptions = {}): ListReadable {
  const list = client.list({ limit: query.limit, order: query.order })
  const getState = (): VideoListState => list.getState()
  return {
    getState,
    getServerState: getState,
    subscribe(listener) {
      const subscription = list.state$.subscribe(listener)
      return () => subscription.unsubscribe()
    },
    fetchNextPage: () => list.fetchNextPage(),
    refresh: () => list.refresh(),
    ensureLoaded: () => list.ensureLoaded(),
  }
}
