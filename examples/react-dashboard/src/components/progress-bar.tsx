import type { VideoStatus } from '@vidjob/core'
import type { ReactNode } from 'react'

/**
 * A progress bar that assistive technology reads as one (`role="progressbar"` with its value), drawn with
 * CSS so it animates smoothly between polls.
 *
 * @example <ProgressBar value={job.progress} status={job.status} label="Progress of “A fox in snow”" />
 */
export function ProgressBar(props: {
  value: number
  status: VideoStatus | undefined
  label: string
}): ReactNode {
  const value = Math.round(props.value)
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      data-status={props.status ?? 'loading'}
    >
      <div className="progress-fill" style={{ width: `${value}%` }} />
    </div>
  )
}
