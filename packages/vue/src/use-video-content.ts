import { videoContent$, type VideoContentState, type VideoContentVariant } from '@vidjob/core'
import { toValue, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { fieldRefs, useLiveState, type FieldRefs } from './live-state'
import type { VideoIdSource } from './use-video-job'
import { useVideoClient } from './video-client-plugin'

/** Options of {@link useVideoContent}. @example useVideoContent(id, { variant: () => (poster.value ? 'thumbnail' : 'video') }) */
export interface UseVideoContentOptions {
  /** Which asset: the MP4 (`'video'`, default), `'thumbnail'` or `'spritesheet'`. */
  variant?: MaybeRefOrGetter<VideoContentVariant | undefined>
}

/**
 * What {@link useVideoContent} returns: `url` (a `blob:` URL for `<video :src>` / `<img :src>`), `isLoading`
 * (the job is completed and its asset downloading) and `error` (the download failed).
 *
 * @example const { url, isLoading, error }: UseVideoContentReturn = useVideoContent(id)
 */
export interface UseVideoContentReturn extends FieldRefs<VideoContentState> {
  readonly state: Readonly<ShallowRef<VideoContentState>>
}

type ContentKey = readonly [id: string | undefined, variant: VideoContentVariant]

/** No asset (yet): no id, not completed, or server rendering. */
const NO_CONTENT: VideoContentState = Object.freeze({ url: undefined, isLoading: false, error: undefined })

/**
 * An asset of a job as an object URL, downloaded once the job has completed (core's `videoContent$`, which
 * watches the job meanwhile). The URL is revoked, and a running download aborted, when the id or variant
 * changes and when the calling scope ends. Nothing is downloaded during server rendering.
 *
 * @example
 * // <script setup lang="ts">
 * const { url } = useVideoContent(() => props.id, { variant: 'thumbnail' })
 * // <img v-if="url" :src="url" alt="" />
 */
export function useVideoContent(
  id: VideoIdSource,
  options: UseVideoContentOptions = {},
): UseVideoContentReturn {
  const client = useVideoClient()
  const { state } = useLiveState(
    (): ContentKey => [toValue(id) ?? undefined, toValue(options.variant) ?? 'video'],
    () => NO_CONTENT,
    ([key, variant]) => (key ? videoContent$(client, key, { variant }) : undefined),
    (a, b) => a[0] === b[0] && a[1] === b[1],
  )
  return { state, ...fieldRefs(state) }
}
