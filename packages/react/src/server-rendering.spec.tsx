// @vitest-environment node
import { createFetchTransport, createVideoClient } from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { useVideoJob } from './use-video-job'
import { useVideoList } from './use-video-list'
import { useVideoProgress } from './use-video-progress'
import { VideoClientProvider } from './video-client-provider'

function Page({ id }: { id: string | null }) {
  const job = useVideoJob(id)
  const progress = useVideoProgress(id)
  const { videos, isLoading } = useVideoList({ limit: 10 })
  return (
    <main>
      <p>{`${job.status ?? 'unknown'} ${progress}% loading=${job.isLoading}`}</p>
      <p>{`rows=${videos.length} listLoading=${isLoading}`}</p>
    </main>
  )
}

/** A server-side client over the mock (default environment: no document, so always "visible"). */
function serverSide() {
  vi.useFakeTimers()
  const api = createMockVideoApi()
  const client = createVideoClient({
    transport: createFetchTransport({ baseURL: 'http://mock.local/v1', fetch: api.fetch }),
  })
  onTestFinished(() => {
    client.dispose()
    vi.useRealTimers()
  })
  const html = (id: string | null) =>
    renderToString(
      <VideoClientProvider client={client}>
        <Page id={id} />
      </VideoClientProvider>,
    )
  return { api, client, html }
}

describe('server rendering', () => {
  it('renders the idle state of an unknown job and an empty list, and sends nothing', async () => {
    const { api, html } = serverSide()
    expect(html('video_unknown')).toContain('unknown 0% loading=false')
    expect(html(null)).toContain('rows=0 listLoading=false')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(api.log).toHaveLength(0)
  })

  it('renders what the client already holds, still sending nothing', async () => {
    const { api, client, html } = serverSide()
    const video = api.jobs.complete(api.jobs.create({ prompt: 'cached' }).id)
    client.ingest(video)

    expect(html(video.id)).toContain('completed 100% loading=false')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(api.log).toHaveLength(0)
    expect(client.getJob(video.id).isPolling).toBe(false)
  })
})
