import type { VideoContentVariant } from '@vidjob/core'
import { contentReadable, type VideoContentState } from '@vidjob/core/bindings'
import { toValue, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import type { VideoIdSource } from './use-video-job'
import { fieldRefs, useReadable, type FieldRefs } from './use-readable'
import { useVideoClient } from './video-client-plugin'

/** Options of {@link useVideoContent}. */
export interface UseVideoContentOptions {
  /** Which asset: the MP4 (`'video'`, default), `'thumbnail'` or `'spritesheet'`. */
  variant?: MaybeRefOrGetter<VideoContentVariant | undefined>
}

/**
 * What {@link useVideoContent} returns: `url` (a `blob:` URL for `<video :src>` / `<img :src>`), `isLoading`
 * (the job is completed and its asset downloading) and `error` (the download failed).
 */
export interface UseVideoContentResult extends FieldRefs<VideoContentState> {
  readonly state: Readonly<ShallowRef<VideoContentState>>
}

type ContentKey = readonly [id: string | undefined, variant: VideoContentVariant]

/**
 * An asset of a job as an object URL, downloaded once the job has completed (watching the job meanwhile).
 * The URL is revoked, and a running download aborted, when the id or variant changes and when the calling
 * scope ends. Nothing is downloaded during server rendering.
 *
 * @example
 * // <script setup lang="ts">
 * const { url } = useVideoContent(() => props.id, { variant: 'thumbnail' })
 * // <img v-if="url" :src="url" alt="" />
 */
export function useVideoContent(
  id: VideoIdSource,
  options: UseVideoContentOptions = {},
): UseVideoContentResult {
  const client = useVideoClient()
  const asset = (): ContentKey => [toValue(id) ?? undefined, toValue(options.variant) ?? 'video']
  // One subscription per id and variant: the key is both, in one string (a variant has no space).
  const { state } = useReadable(
    () => asset().join(' '),
    () => contentReadable(client, ...asset()),
  )
  return { state, ...fieldRefs(state) }
}
