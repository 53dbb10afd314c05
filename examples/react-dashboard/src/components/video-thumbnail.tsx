import type { VideoStatus } from '@vidjob/core'
import { useVideoContent } from '@vidjob/react'
import type { ReactNode } from 'react'

/**
 * The thumbnail of a finished video, or a placeholder that says why there is none yet. Decorative in a
 * row (the prompt next to it is the name), so it has an empty `alt`.
 *
 * @example <VideoThumbnail id={video.id} status={job.status} />
 */
export function VideoThumbnail({ id, status }: { id: string; status: VideoStatus | undefined }): ReactNode {
  const { url } = useVideoContent(id, { variant: 'thumbnail' })
  if (url) return <img className="thumb" src={url} alt="" width={96} height={54} />
  return (
    <div className="thumb thumb-placeholder" data-status={status ?? 'loading'} aria-hidden="true">
      {status === 'failed' ? '!' : status === 'completed' ? '' : '…'}
    </div>
  )
}
