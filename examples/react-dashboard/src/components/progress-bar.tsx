import type { VideoStatus } from '@vidjob/core'
import { useRef, type ReactNode } from 'react'

/**
 * A progress bar that assistive technology reads as one (`role="progressbar"` with its value), drawn with
 * CSS so it animates smoothly between polls. The fill's width is the number shown, and it never moves
 * backwards. Before rendering starts (queued, or not loaded yet) it is indeterminate: no value, and a
 * moving stripe instead of a fill.
 *
 * @example <ProgressBar value={job.progress} status={job.status} label="Progress of “A fox in snow”" />
 */
export function ProgressBar(props: {
  value: number
  status: VideoStatus | undefined
  label: string
}): ReactNode {
  const highest = useRef(0)
  highest.current = Math.max(highest.current, Math.round(props.value))
  const indeterminate = props.status === 'queued' || props.status === undefined
  const value = indeterminate ? 0 : highest.current
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : value}
      aria-valuetext={indeterminate ? 'Waiting to start' : undefined}
      data-status={props.status ?? 'loading'}
      data-indeterminate={indeterminate || undefined}
    >
      <div className="progress-fill" style={{ width: `${value}%` }} />
    </div>
  )
}
