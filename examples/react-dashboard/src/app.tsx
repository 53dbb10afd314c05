import { useVideoClient } from '@vidjob/react'
import { useEffect, useMemo, type ReactNode } from 'react'
import { CreateVideoForm } from './components/create-video-form'
import { VideoDetailPanel } from './components/video-detail'
import { VideoList } from './components/video-list'
import { createPendingDeletes, moveFocusOutOfRow } from '@vidjob/dashboard-shared'
import { PendingDeletesContext } from './use-delete-status'
import { useSelectedVideoId } from './use-hash-route'

/**
 * The dashboard: create a job, watch the list render live, open one to play it.
 *
 * @example createRoot(root).render(<VideoClientProvider client={client}><App /></VideoClientProvider>)
 */
export function App(): ReactNode {
  const selectedId = useSelectedVideoId()
  const deletes = usePendingDeletes()
  return (
    <PendingDeletesContext.Provider value={deletes}>
      <div className="app">
        <header className="app-header">
          <h1>
            vidjob <span className="app-subtitle">video jobs</span>
          </h1>
          <p>Describe a scene, generate a short video, and watch it render live.</p>
        </header>
        <main className="layout">
          <div className="column">
            <CreateVideoForm />
            <VideoList selectedId={selectedId} />
          </div>
          {selectedId ? (
            <VideoDetailPanel id={selectedId} />
          ) : (
            <aside className="card detail detail-empty" aria-label="Video">
              <p className="state-title">Nothing open</p>
              <p>Open a video from the list to play it here, with its thumbnail and details.</p>
            </aside>
          )}
        </main>
      </div>
    </PendingDeletesContext.Provider>
  )
}

/**
 * The app's deletes with Undo, sent through the client. A delete still waiting when the page goes away is
 * sent then: the person asked for it, and Undo is gone with the page.
 */
function usePendingDeletes() {
  const client = useVideoClient()
  const deletes = useMemo(
    () =>
      createPendingDeletes((id) => {
        moveFocusOutOfRow(id)
        return client.delete(id)
      }),
    [client],
  )
  useEffect(() => {
    const flush = () => deletes.flush()
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [deletes])
  return deletes
}
