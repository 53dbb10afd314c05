import type { VideoClientError, VideoJobState } from '@vidjob/core'
import { useVideoJob } from '@vidjob/react'
import { memo, useState, type ReactNode } from 'react'
import { formatEta } from '../format'
import { videoHref } from '../use-hash-route'
import { ProgressBar } from './progress-bar'
import { RemixForm } from './remix-form'
import { StatusBadge } from './status-badge'
import { TimeAgo } from './time-ago'
import { VideoThumbnail } from './video-thumbnail'

/** Props of {@link VideoRow}; every callback must be stable so unchanged rows skip rendering. */
export interface VideoRowProps {
  id: string
  selected: boolean
  /** Why the last delete of this video failed (it is back in its place). */
  deleteError: VideoClientError | undefined
  onDelete: (id: string) => void
  onDismissError: () => void
}

/**
 * One job in the list. It reads its own job, so when one video progresses only its row re-renders.
 *
 * @example <VideoRow key={video.id} id={video.id} selected={false} deleteError={undefined} onDelete={remove.mutate} onDismissError={remove.reset} />
 */
export const VideoRow = memo(function VideoRow(props: VideoRowProps): ReactNode {
  const { id } = props
  const job = useVideoJob(id)
  const [remixing, setRemixing] = useState(false)
  const { video } = job
  if (!video) return null
  const prompt = video.prompt || 'Untitled video'
  const details = [video.model, video.size, video.seconds && `${video.seconds} s`].filter(Boolean).join(' · ')
  return (
    <li
      className="row"
      data-testid="job-row"
      data-job-id={id}
      data-status={job.status}
      aria-current={props.selected ? 'true' : undefined}
    >
      <VideoThumbnail id={id} status={job.status} />
      <div className="row-main">
        <a className="row-title" href={videoHref(id)} data-testid="job-link">
          {prompt}
        </a>
        <p className="row-meta">
          {details} · <TimeAgo unixSeconds={video.created_at} />
        </p>
        {job.status !== 'failed' && (
          <div className="row-progress">
            <ProgressBar value={job.progress} status={job.status} label={`Progress of “${prompt}”`} />
            <span className="row-eta">{progressText(job)}</span>
          </div>
        )}
        {job.failure && <p className="row-failure">{job.failure.message}</p>}
        {job.error && !job.isTerminal && (
          <p className="row-warning">Could not refresh ({job.error.message}); retrying.</p>
        )}
        {props.deleteError && (
          <div role="alert" className="row-error">
            <span>Could not delete this video: {props.deleteError.message}</span>
            <button type="button" className="button button-small" onClick={props.onDismissError}>
              Dismiss
            </button>
          </div>
        )}
        {remixing && <RemixForm video={video} onDone={() => setRemixing(false)} />}
      </div>
      <div className="row-side">
        <StatusBadge status={job.status} />
        <div className="row-actions">
          {job.status === 'completed' && !remixing && (
            <button type="button" className="button" onClick={() => setRemixing(true)}>
              Remix
            </button>
          )}
          <button
            type="button"
            className="button button-danger"
            data-testid="delete-button"
            aria-label={`Delete “${prompt}”`}
            onClick={() => props.onDelete(id)}
          >
            Delete
          </button>
        </div>
      </div>
    </li>
  )
})

function progressText(job: VideoJobState): string {
  if (job.status === 'completed') return 'Done'
  if (job.status === 'queued') return 'Waiting for a render slot'
  return `${Math.round(job.progress)}% · ${formatEta(job.eta) ?? 'estimating…'}`
}
