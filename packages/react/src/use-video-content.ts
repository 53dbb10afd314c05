import { videoContent$, type VideoContentState, type VideoContentVariant } from '@vidjob/core'
import { useEffect, useState } from 'react'
import { useVideoClient } from './video-client-provider'

export type { VideoContentState }

/** Options of {@link useVideoContent}. @example useVideoContent(id, { variant: 'thumbnail' }) */
export interface VideoContentOptions {
  /** Which asset: the MP4 (`'video'`, default), a `'thumbnail'` image or a `'spritesheet'`. */
  variant?: VideoContentVariant | undefined
}

const NOT_LOADED: VideoContentState = Object.freeze({ url: undefined, isLoading: false, error: undefined })

/**
 * Downloads an asset of a video once its job is completed (watching the job until then) and exposes it
 * as an object URL. The URL is created once per id and variant and revoked when either changes or the
 * component unmounts, so long sessions do not pile up blobs.
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
  options: VideoContentOptions = {},
): VideoContentState {
  const variant = options.variant ?? 'video'
  const client = useVideoClient()
  const [content, setContent] = useState<{ key: string; state: VideoContentState } | undefined>(undefined)
  const key = id === null || id === undefined ? undefined : `${variant}:${id}`

  useEffect(() => {
    if (id === null || id === undefined) return
    const key = `${variant}:${id}`
    // Core aborts the download and revokes the URL when this subscription ends.
    const subscription = videoContent$(client, id, { variant }).subscribe((state) =>
      setContent({ key, state }),
    )
    return () => {
      subscription.unsubscribe()
      // Its URL is revoked: kept, it would show again for a render if this id came back after a null one.
      setContent(undefined)
    }
  }, [client, id, variant])

  // The state of another id or variant (its URL already revoked) is never shown.
  return content !== undefined && content.key === key ? content.state : NOT_LOADED
}
