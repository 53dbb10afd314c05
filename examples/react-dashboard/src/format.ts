import type { VideoStatus } from '@vidjob/core'

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'long' })
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
]

/**
 * "just now", "3 minutes ago", "yesterday": how long ago a Unix time (seconds, as the API sends) was.
 *
 * @example formatTimeAgo(video.created_at, Date.now()) // '2 minutes ago'
 */
export function formatTimeAgo(unixSeconds: number, nowMs: number): string {
  const elapsed = Math.max(0, Math.round(nowMs / 1000 - unixSeconds))
  if (elapsed < 45) return 'just now'
  for (const [unit, seconds] of UNITS) {
    if (elapsed >= seconds) return relative.format(-Math.floor(elapsed / seconds), unit)
  }
  return relative.format(-1, 'minute')
}

/**
 * The full date and time of a Unix time (seconds), for a tooltip next to a relative time.
 *
 * @example formatDateTime(video.created_at) // 'Jan 1, 2026, 12:00 AM'
 */
export function formatDateTime(unixSeconds: number): string {
  return absolute.format(new Date(unixSeconds * 1000))
}

/**
 * A human estimate of the time left from the core's `eta` (ms), rounded the way people say it.
 *
 * @example formatEta(12_400) // 'about 12 s left'
 */
export function formatEta(etaMs: number | undefined): string | undefined {
  if (etaMs === undefined || !Number.isFinite(etaMs)) return undefined
  const seconds = Math.round(etaMs / 1000)
  if (seconds < 2) return 'almost done'
  if (seconds < 90) return `about ${seconds} s left`
  return `about ${Math.round(seconds / 60)} min left`
}

const STATUS_LABELS: Readonly<Record<VideoStatus, string>> = {
  queued: 'Queued',
  in_progress: 'Rendering',
  completed: 'Ready',
  failed: 'Failed',
}

/**
 * The label people read for an API status (`in_progress` is "Rendering").
 *
 * @example statusLabel('completed') // 'Ready'
 */
export function statusLabel(status: VideoStatus | undefined): string {
  return status === undefined ? 'Loading' : STATUS_LABELS[status]
}
