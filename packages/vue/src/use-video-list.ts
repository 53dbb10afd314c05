import type { VideoListHandle, VideoListOptions, VideoListState } from '@vidjob/core'
import { listReadable } from '@vidjob/core/bindings'
import { toValue, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { fieldRefs, useReadable, type FieldRefs } from './use-readable'
import { useVideoClient } from './video-client-plugin'

/** What {@link useVideoList} returns: the whole state, a computed ref per field, and the list's actions. */
export interface UseVideoListResult extends FieldRefs<VideoListState> {
  readonly state: Readonly<ShallowRef<VideoListState>>
  /** Loads the next page; resolves once it is in the state (failures go to `error`). */
  fetchNextPage(): Promise<void>
  /** Reloads every loaded page; resolves once they are in the state (failures go to `error`). */
  refresh(): Promise<void>
  /** Resolves once the first page is loaded, rejects with its typed error; for `await` in `async setup()`. */
  suspense(): Promise<VideoListState>
}

/**
 * A live, paged list of videos (newest first by default). Its first page loads when the calling scope
 * goes live and its unfinished rows stay polled while it lives. The same query shares one list with every
 * other caller. A query outside the spec (`limit` not an integer 0–100) throws a `VideoValidationError`.
 *
 * @example
 * // <script setup lang="ts">
 * const { videos, hasMore, isFetchingNextPage, fetchNextPage } = useVideoList({ limit: 20 })
 */
export function useVideoList(query: MaybeRefOrGetter<VideoListOptions | undefined> = {}): UseVideoListResult {
  const client = useVideoClient()
  // The same query gives the same handle, so a new but equal query object changes nothing.
  const list = (): VideoListHandle => client.list(toValue(query))
  const { state, settle } = useReadable(list, (handle) => listReadable(client, handle.query))
  return {
    state,
    ...fieldRefs(state),
    fetchNextPage: () => list().fetchNextPage(),
    refresh: () => list().refresh(),
    suspense: () => settle((handle) => handle.ensureLoaded()),
  }
}
