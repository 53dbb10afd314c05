import type { Video, VideoJobState } from '@vidjob/core'
import { useCreateVideo, useRemixVideo, useVideoJob } from '@vidjob/react'
import { memo, useEffect, useRef, useState, type ReactNode } from 'react'
import { formatEta } from '../format'
import { describeError, failureAdvice } from '@vidjob/dashboard-shared'
import { useDeleteStatus } from '../use-delete-status'
import { videoHref } from '../use-hash-route'
import { ProgressBar } from './progress-bar'
import { RemixForm } from './remix-form'
import { StatusBadge } from './status-badge'
import { TimeAgo } from './time-ago'
import { VideoThumbnail } from './video-thumbnail'

/** Props of {@link VideoRow}; all plain values, so unchanged rows skip rendering. */
export interface VideoRowProps {
  id: string
  selected: boolean
  /** The video left the list (deleted); the row only holds its place until the pointer leaves the list. */
  gone: boolean
}

/**
 * One job in the list. It reads its own job and its own delete status, so when one video progresses only
 * its row re-renders. Delete offers Undo in place for a few seconds before anything is sent; the row keeps
 * its size meanwhile, so no other row moves under the pointer.
 *
 * @example <VideoRow key={video.id} id={video.id} selected={false} gone={false} />
 */
export const VideoRow = memo(function VideoRow({ id, selected, gone }: VideoRowProps): ReactNode {
  const job = useVideoJob(id)
  const { status: deletion, deletes } = useDeleteStatus(id)
  const [remixing, setRemixing] = useState(false)
  const [undoFocus, setUndoFocus] = useState(false)
  const deleteButton = useRef<HTMLButtonElement>(null)
  const covered = gone || deletion?.phase === 'pending' || deletion?.phase === 'sending'
  useEffect(() => {
    // A keyboard user who pressed Undo goes back to the Delete button they came from.
    if (covered || !undoFocus) return
    deleteButton.current?.focus()
    setUndoFocus(false)
  }, [covered, undoFocus])
  const { video } = job
  if (!video) return null
  const prompt = video.prompt || 'Untitled video'
  const details = [video.model, video.size, video.seconds && `${video.seconds} s`].filter(Boolean).join(' · ')
  return (
    <li
      className="row"
      data-testid={gone ? undefined : 'job-row'}
      data-job-id={gone ? undefined : id}
      data-status={job.status}
      aria-current={selected ? 'true' : undefined}
      aria-hidden={gone || undefined}
    >
      <div className="row-content" inert={covered}>
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
          {job.failure && <FailureNote video={video} failure={job.failure} />}
          {job.error && !job.isTerminal && (
            <p className="row-warning">Could not refresh ({describeError(job.error)}); retrying.</p>
          )}
          <DeleteFailure id={id} className="row-error" />
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
              ref={deleteButton}
              aria-label={`Delete “${prompt}”`}
              onClick={(event) => {
                // A keyboard press (detail 0) moves focus to Undo; a pointer stays where it is.
                setUndoFocus(event.detail === 0)
                deletes.request(id)
              }}
            >
              Delete
            </button>
          </div>
        </div>
      </div>
      {covered && (
        <div className="row-undo" role="status">
          {gone || deletion?.phase === 'sending' ? (
            <span>Deleted</span>
          ) : (
            <>
              <span>Deleted —</span>
              <button
                type="button"
                className="button button-small"
                data-testid="undo-delete"
                aria-label={`Undo deleting “${prompt}”`}
                // Only after a keyboard press: a pointer's second click must not land on Undo.
                autoFocus={undoFocus}
                onClick={() => deletes.undo(id)}
              >
                Undo
              </button>
            </>
          )}
        </div>
      )}
    </li>
  )
})

function progressText(job: VideoJobState): string {
  if (job.status === 'completed') return 'Done'
  if (job.status === 'queued') return 'Waiting for a render slot'
  return `${Math.round(job.progress)}% · ${formatEta(job.eta) ?? 'estimating…'}`
}

/**
 * What went wrong with a failed job, in words a person can act on, and a way to start it again when
 * that is likely to help. The server's own wording is in the detail view.
 *
 * @example <FailureNote video={video} failure={job.failure} />
 */
export function FailureNote({
  video,
  failure,
}: {
  video: Video
  failure: NonNullable<VideoJobState['failure']>
}): ReactNode {
  const advice = failureAdvice(failure)
  return (
    <div className="row-failure">
      <p>{advice.text}</p>
      {advice.action === 'retry' && video.prompt && <RetryButton video={video} prompt={video.prompt} />}
    </div>
  )
}

/** Starts the same job again: the same remix of the same source, or a create with the same settings. */
function RetryButton({ video, prompt }: { video: Video; prompt: string }): ReactNode {
  const create = useCreateVideo()
  const remix = useRemixVideo()
  const source = video.remixed_from_video_id
  const pending = create.isPending || remix.isPending
  const error = create.error ?? remix.error
  const retry = () => {
    if (source) remix.mutate({ id: source, prompt })
    else
      create.mutate({
        prompt,
        ...(video.model ? { model: video.model } : {}),
        ...(video.size ? { size: video.size } : {}),
        ...(video.seconds ? { seconds: video.seconds } : {}),
      })
  }
  return (
    <>
      <button type="button" className="button button-small" onClick={retry} disabled={pending}>
        {pending ? 'Starting…' : 'Try again'}
      </button>
      {error && <span role="alert">Could not start it again: {describeError(error)}</span>}
    </>
  )
}

/**
 * Why the last delete of a video failed (it is back in its place), with Dismiss; nothing otherwise.
 *
 * @example <DeleteFailure id={id} className="row-error" />
 */
export function DeleteFailure({ id, className }: { id: string; className: string }): ReactNode {
  const { status, deletes } = useDeleteStatus(id)
  if (status?.phase !== 'failed') return null
  return (
    <div role="alert" className={className}>
      <span>Could not delete this video: {describeError(status.error)}</span>
      <button type="button" className="button button-small" onClick={() => deletes.dismiss(id)}>
        Dismiss
      </button>
    </div>
  )
}
