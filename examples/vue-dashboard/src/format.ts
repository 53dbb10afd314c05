import type { VideoJobState, VideoStatus } from '@vidjob/core'

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' })

const STEPS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', Number.POSITIVE_INFINITY],
]

/**
 * "just now", "42 sec. ago", "3 min. ago" (whole units, truncated) for a past instant in ms; a few seconds of clock skew read as now.
 *
 * @example formatRelativeTime(Date.now() - 150_000, Date.now()) // '2 min. ago'
 */
export function formatRelativeTime(thenMs: number, nowMs: number): string {
  let value = Math.trunc((thenMs - nowMs) / 1000)
  if (Math.abs(value) < 5) return 'just now'
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(value, unit)
    value = Math.trunc(value / size)
  }
  return relative.format(value, 'week')
}

/**
 * A short, honest remaining-time estimate: rounded up, never "0 s".
 *
 * @example formatEta(12_400) // 'about 13 s left'
 */
export function formatEta(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return `about ${seconds} s left`
  return `about ${Math.ceil(seconds / 60)} min left`
}

/**
 * The text beside a progress bar: "Waiting for a render slot", "43% · estimating…", "43% · about 6 s left"
 * (counting the estimate down from when it was made, so it moves between polls) or "Done".
 *
 * @example formatProgress(client.getJob(id), Date.now()) // '43% · about 6 s left'
 */
export function formatProgress(
  job: Pick<VideoJobState, 'status' | 'progress' | 'eta' | 'updatedAt'>,
  nowMs: number,
): string {
  if (job.status === 'completed') return 'Done'
  if (job.status === 'queued') return 'Waiting for a render slot'
  const percent = `${Math.round(job.progress)}%`
  if (job.eta === undefined) return `${percent} · estimating…`
  return `${percent} · ${formatEta(job.eta - (nowMs - (job.updatedAt ?? nowMs)))}`
}

const STATUS_LABELS: Readonly<Record<VideoStatus, string>> = {
  queued: 'Queued',
  in_progress: 'Rendering',
  completed: 'Ready',
  failed: 'Failed',
}

/**
 * The label a person reads for a status.
 *
 * @example formatStatus('in_progress') // 'Rendering'
 */
export function formatStatus(status: VideoStatus | undefined): string {
  return status ? STATUS_LABELS[status] : 'Loading'
}

/**
 * A unix-seconds timestamp of the API as a local date and time.
 *
 * @example formatTimestamp(1767225600) // '1/1/2026, 12:00:00 AM' (in UTC)
 */
export function formatTimestamp(unixSeconds: number | null | undefined): string {
  return unixSeconds == null ? '—' : new Date(unixSeconds * 1000).toLocaleString('en')
}
