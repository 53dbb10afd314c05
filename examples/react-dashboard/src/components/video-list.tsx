import { useVideoList } from '@vidjob/react'
import { useEffect, useState, type ReactNode } from 'react'
import { useHeldRows } from '../use-held-rows'
import { describeError } from '@vidjob/dashboard-shared'
import { VideoRow } from './video-row'

/** Rows per page: small enough that "Load more" shows up in a demo. */
export const PAGE_SIZE = 8

/**
 * The live list of jobs, newest first: loading, error and empty states, deletes with Undo (a refused
 * delete brings the row back with the reason), and paging. While the pointer is over the list a deleted
 * row keeps its place, so the row below never slides under a second click.
 *
 * @example <VideoList selectedId={selectedId} />
 */
export function VideoList({ selectedId }: { selectedId: string | undefined }): ReactNode {
  const list = useVideoList({ limit: PAGE_SIZE })
  const subscribed = useSubscribed()
  const [pointerInside, setPointerInside] = useState(false)
  const { videos } = list
  const rows = useHeldRows(
    videos.map((video) => video.id),
    pointerInside,
  )

  let body: ReactNode
  if (rows.length > 0) {
    body = (
      <ul
        className="rows"
        data-testid="job-list"
        aria-label="Videos"
        onPointerEnter={() => setPointerInside(true)}
        onPointerLeave={() => setPointerInside(false)}
      >
        {rows.map((row) => (
          <VideoRow key={row.id} id={row.id} gone={row.gone} selected={row.id === selectedId} />
        ))}
      </ul>
    )
  } else if (list.error) {
    body = null
  } else if (list.isLoading || !subscribed) {
    body = (
      <p className="state" role="status">
        Loading videos…
      </p>
    )
  } else {
    body = (
      <div className="state state-empty" data-testid="empty-state">
        <p className="state-title">No videos yet</p>
        <p>Describe a scene above and press “Generate video”: it appears here and renders live.</p>
      </div>
    )
  }

  return (
    <section className="card" aria-labelledby="videos-heading">
      <div className="card-header">
        <h2 id="videos-heading" tabIndex={-1}>
          Videos
        </h2>
        <button
          type="button"
          className="button"
          onClick={() => void list.refresh()}
          disabled={list.isLoading}
        >
          Refresh
        </button>
      </div>
      {list.error && (
        <div role="alert" className="banner banner-error">
          <span>Could not load the videos: {describeError(list.error)}</span>
          <button type="button" className="button button-small" onClick={() => void list.refresh()}>
            Try again
          </button>
        </div>
      )}
      {list.isLocalOnly && (
        <p className="hint" data-testid="local-only">
          This server cannot list videos, so only those created in this tab are shown.
        </p>
      )}
      {body}
      {list.hasMore && (
        <button
          type="button"
          className="button load-more"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  )
}

/**
 * False during the first render, before the list is subscribed to: until then an empty, idle list may
 * simply not have started loading, so "no videos" would be a guess.
 */
function useSubscribed(): boolean {
  const [subscribed, setSubscribed] = useState(false)
  useEffect(() => setSubscribed(true), [])
  return subscribed
}
