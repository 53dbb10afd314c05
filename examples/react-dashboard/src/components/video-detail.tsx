import { VideoApiError, type Video } from '@vidjob/core'
import { useSuspenseVideoJob, useVideoContent } from '@vidjob/react'
import { Suspense, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { describeError, downloadName, failureAdvice, focusRow } from '@vidjob/dashboard-shared'
import { formatDateTime } from '../format'
import { useDeleteStatus } from '../use-delete-status'
import { videoHref } from '../use-hash-route'
import { ErrorBoundary } from './error-boundary'
import { ProgressBar } from './progress-bar'
import { RemixForm } from './remix-form'
import { StatusBadge } from './status-badge'
import { TimeAgo } from './time-ago'
import { DeleteFailure } from './video-row'

/**
 * The detail view of the selected video: it suspends until the job is loaded, plays the MP4 once ready
 * (with Download, Remix and Delete), shows the thumbnail, and explains a failure or an unknown id. Close
 * or Escape hands focus back to the video's row.
 *
 * @example <VideoDetailPanel id={selectedId} />
 */
export function VideoDetailPanel({ id }: { id: string }): ReactNode {
  const panel = useRef<HTMLElement>(null)
  useCloseOnEscape(id, panel)
  return (
    <aside ref={panel} className="card detail" data-testid="job-detail" aria-labelledby="detail-heading">
      <div className="card-header">
        <h2 id="detail-heading" tabIndex={-1}>
          Video
        </h2>
        <button type="button" className="button" onClick={() => closeDetail(id)}>
          Close
        </button>
      </div>
      <ErrorBoundary key={id} fallback={(error) => <DetailError id={id} error={error} />}>
        <Suspense
          fallback={
            <p className="state" role="status">
              Loading video…
            </p>
          }
        >
          <VideoDetail id={id} />
        </Suspense>
      </ErrorBoundary>
    </aside>
  )
}

/** Leaves `#/videos/<id>` and gives focus back to the video's row. */
function closeDetail(id: string): void {
  window.location.hash = '#/'
  focusRow(id)
}

/**
 * Escape closes the detail view, unless it was pressed while typing in a field outside it or something
 * inside handled it first (the remix form closes itself).
 */
function useCloseOnEscape(id: string, panel: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      const target = event.target instanceof Element ? event.target : null
      const typingElsewhere = target?.closest('input, textarea, select') && !panel.current?.contains(target)
      if (typingElsewhere) return
      closeDetail(id)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [id, panel])
}

function VideoDetail({ id }: { id: string }): ReactNode {
  const job = useSuspenseVideoJob(id)
  const { video } = job
  const mp4 = useVideoContent(id)
  const thumbnail = useVideoContent(id, { variant: 'thumbnail' })
  const heading = useFocusOnOpen(id)
  const [remixing, setRemixing] = useState(false)
  const { status: deletion, deletes } = useDeleteStatus(id)
  const prompt = video.prompt || 'Untitled video'

  if (job.isDeleted) return <p className="state">This video was deleted.</p>
  return (
    <div className="detail-body">
      <h3 ref={heading} tabIndex={-1} className="detail-title">
        {prompt}
      </h3>
      <div className="detail-status">
        <StatusBadge status={job.status} />
        {job.status !== 'failed' && (
          <ProgressBar value={job.progress} status={job.status} label={`Progress of “${prompt}”`} />
        )}
      </div>
      {job.status === 'completed' && (
        <div className="player">
          {mp4.url ? (
            <video
              data-testid="job-video"
              src={mp4.url}
              poster={thumbnail.url}
              // The bytes are already in memory as a blob: let the browser decode them at once.
              preload="auto"
              controls
              loop
              muted
              playsInline
            />
          ) : (
            <p className="state" role="status">
              {mp4.error ? `Could not load the video: ${describeError(mp4.error)}` : 'Downloading the video…'}
            </p>
          )}
        </div>
      )}
      {job.failure && (
        <div className="failure" data-testid="job-failure">
          <p className="failure-title">This video failed</p>
          <p>{failureAdvice(job.failure).text}</p>
          <p className="hint">
            The server said: {job.failure.message} (code {job.failure.code})
          </p>
        </div>
      )}
      {deletion?.phase === 'pending' || deletion?.phase === 'sending' ? (
        <div className="banner banner-warning" role="status">
          <span>This video will be deleted.</span>
          {deletion.phase === 'pending' && (
            <button type="button" className="button button-small" onClick={() => deletes.undo(id)}>
              Undo
            </button>
          )}
        </div>
      ) : (
        <div className="detail-actions">
          {job.status === 'completed' && mp4.url && (
            <a className="button button-primary" href={mp4.url} download={downloadName(video)}>
              Download
            </a>
          )}
          {job.status === 'completed' && !remixing && (
            <button type="button" className="button" onClick={() => setRemixing(true)}>
              Remix
            </button>
          )}
          <button type="button" className="button button-danger" onClick={() => deletes.request(id)}>
            Delete
          </button>
        </div>
      )}
      <DeleteFailure id={id} className="banner banner-error" />
      {remixing && <RemixForm video={video} onDone={(remix) => openRemix(remix, () => setRemixing(false))} />}
      <dl className="facts">
        <Fact term="Id" value={<code>{video.id}</code>} />
        <Fact term="Model" value={video.model} />
        <Fact term="Size" value={video.size} />
        <Fact term="Length" value={video.seconds && `${video.seconds} s`} />
        <Fact term="Created" value={<TimeAgo unixSeconds={video.created_at} />} />
        <Fact term="Finished" value={video.completed_at && formatDateTime(video.completed_at)} />
        <Fact term="Download until" value={video.expires_at && formatDateTime(video.expires_at)} />
        <Fact
          term="Remix of"
          value={
            video.remixed_from_video_id && (
              <a href={videoHref(video.remixed_from_video_id)}>{video.remixed_from_video_id}</a>
            )
          }
        />
        <Fact
          term="Thumbnail"
          value={
            thumbnail.url && (
              <img
                data-testid="job-thumbnail"
                className="detail-thumb"
                src={thumbnail.url}
                alt={`Thumbnail of “${prompt}”`}
              />
            )
          }
        />
      </dl>
    </div>
  )
}

/** A remix that started is opened at once, as the thing to watch; a cancelled one just closes the form. */
function openRemix(remix: Video | undefined, close: () => void): void {
  close()
  if (remix) window.location.hash = videoHref(remix.id)
}

function Fact({ term, value }: { term: string; value: ReactNode }): ReactNode {
  if (value === undefined || value === null || value === '' || value === 0) return null
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  )
}

function DetailError({ id, error }: { id: string; error: unknown }): ReactNode {
  const missing = error instanceof VideoApiError && error.status === 404
  return (
    <div role="alert" className="banner banner-error">
      {missing ? (
        <p>
          There is no video <code>{id}</code>. It may have been deleted, or its link is wrong.
        </p>
      ) : (
        <p>Could not load this video: {describeError(error)}</p>
      )}
      <a href="#/">Back to the list</a>
    </div>
  )
}

/**
 * Moves keyboard focus to the detail's title when the visitor opens a video (from a link, so focus was on
 * the page), so reading and tabbing continue there. A page that merely loads with a video open keeps the
 * browser's initial focus.
 */
function useFocusOnOpen(id: string) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (document.activeElement !== document.body) heading.current?.focus()
  }, [id])
  return heading
}
