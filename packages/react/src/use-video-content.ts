import type { VideoClientError, VideoContentVariant } from '@vidjob/core'
import { useEffect, useState } from 'react'
import { asVideoClientError } from './as-video-client-error'
import { useVideoClient } from './video-client-provider'
import { useVideoJob } from './use-video-job'

/** Options of {@link useVideoContent}. @example useVideoContent(id, { variant: 'thumbnail' }) */
export interface VideoContentOptions {
  /** Which asset: the MP4 (`'video'`, default), a `'thumbnail'` image or a `'spritesheet'`. */
  variant?: VideoContentVariant | undefined
}

/**
 * A downloaded asset of a completed video, as an object URL for `<video src>` / `<img src>`.
 *
 * @example
 * const { url, isLoading, error }: VideoContentState = useVideoContent(id, { variant: 'thumbnail' })
 */
export interface VideoContentState {
  /** A `blob:` URL, revoked when the id or variant changes and on unmount. */
  readonly url: string | undefined
  /** The job is completed and its asset is being downloaded. */
  readonly isLoading: boolean
  readonly error: VideoClientError | undefined
}

interface Download {
  readonly key: string
  readonly url: string | undefined
  readonly error: VideoClientError | undefined
}

const contentKey = (id: string, variant: VideoContentVariant): string => `${variant}:${id}`

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
  const completed = useVideoJob(id).status === 'completed'
  const [download, setDownload] = useState<Download | undefined>(undefined)
  const key = id === null || id === undefined || !completed ? undefined : contentKey(id, variant)

  useEffect(() => {
    if (id === null || id === undefined || !completed) return
    const controller = new AbortController()
    const key = contentKey(id, variant)
    let url: string | undefined
    client.downloadContent(id, { variant, signal: controller.signal }).then(
      (blob) => {
        if (controller.signal.aborted) return
        url = URL.createObjectURL(blob)
        setDownload({ key, url, error: undefined })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setDownload({ key, url: undefined, error: asVideoClientError(error) })
      },
    )
    return () => {
      controller.abort()
      if (url !== undefined) URL.revokeObjectURL(url)
    }
  }, [client, id, variant, completed])

  // A download for another id or variant (its URL already revoked) is never shown.
  const current = download !== undefined && download.key === key ? download : undefined
  return { url: current?.url, isLoading: key !== undefined && current === undefined, error: current?.error }
}
