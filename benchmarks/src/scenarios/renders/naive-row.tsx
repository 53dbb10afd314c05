import type { Video } from '@vidjob/core'
import { memo, useEffect, useState, type ReactNode } from 'react'
import { pollVideo } from '../../naive-poll'
import { useRowSource, type RowProps } from './dashboard'

/**
 * A dashboard row without a library: `useEffect` + `setInterval` + `useState`.
 *
 * @example <NaiveRow id={id} log={log} />
 */
export const NaiveRow = memo(function NaiveRow({ id, log }: RowProps): ReactNode {
  const { transport, intervalMs } = useRowSource()
  const [video, setVideo] = useState<Video>()
  useEffect(() => pollVideo(transport, id, intervalMs, setVideo), [transport, id, intervalMs])
  log.row(id, video?.status)
  return <li>{video ? `${video.status} ${video.progress}%` : 'loading'}</li>
})
