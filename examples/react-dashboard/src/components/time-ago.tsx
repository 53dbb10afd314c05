import type { ReactNode } from 'react'
import { formatDateTime, formatTimeAgo } from '../format'
import { useNow } from '../use-now'

/**
 * "3 minutes ago" for a Unix time (seconds), with the exact time as a tooltip and in `dateTime`.
 *
 * @example <TimeAgo unixSeconds={video.created_at} />
 */
export function TimeAgo({ unixSeconds }: { unixSeconds: number }): ReactNode {
  const now = useNow()
  return (
    <time dateTime={new Date(unixSeconds * 1000).toISOString()} title={formatDateTime(unixSeconds)}>
      {formatTimeAgo(unixSeconds, now)}
    </time>
  )
}
