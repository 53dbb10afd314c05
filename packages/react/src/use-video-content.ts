import type { VideoContentVariant } from '@vidjob/core'
import { contentReadable, type VideoContentState } from '@vidjob/core/bindings'
import { useMemo } from 'react'
import { useReadable } from './use-readable'
import { useVideoClient } from './video-client-provider'

/** What {@link useVideoContent} returns: `url` (a `blob:` URL), `isLoading` and `error`. */
export type UseVideoContentResult = VideoContentState

/** Options of {@link useVideoContent}. */
export interface UseVideoContentOptions {
  /** Which asset: the MP4 (`'video'`, default), a `'thumbnail'` image or a `'spritesheet'`. */
  variant?: VideoContentVariant | undefined
}

/**
 * Downloads an asset of a video once its job is completed (watching the job until then) and exposes it
 * as an object URL, revoked when the id or variant changes and when the component unmounts, so long
 * sessions do not pile up blobs.
 *
 * @example
 * function Player({ id }: { id: string }) {
 *   const video = useVideoContent(id)
 *   const poster = useVideoContent(id, { variant: 'thumbnail' })
 *   if (video.error) return <p role="alert">{video.error.message}</p>
 *   return video.url ? <video controls src={video.url} poster={poster.url} /> : <p>Preparing…</p>
 * }
 */
export function useVideoContent(
  id: string | null | undefined,
  options: UseVideoContentOptions = {},
): UseVideoContentResult {
  const client = useVideoClient()
  const variant = options.variant ?? 'video'
  return useReadable(useMemo(() => contentReadable(client, id, variant), [client, id, variant]))
}
