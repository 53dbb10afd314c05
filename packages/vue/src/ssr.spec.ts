// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, effectScope, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { setup } from '../test/test-support'
import { useVideoContent } from './use-video-content'
import { useVideoJob } from './use-video-job'
import { useVideoList } from './use-video-list'
import { useVideoProgress } from './use-video-progress'
import { VideoClientPlugin } from './video-client-plugin'

afterEach(() => {
  vi.useRealTimers()
})

const Page = defineComponent({
  props: { id: { type: String, required: true } },
  setup(props) {
    const { status } = useVideoJob(() => props.id)
    const progress = useVideoProgress(() => props.id)
    const { videos, isLoading } = useVideoList({ limit: 10 })
    const { url } = useVideoContent(() => props.id)
    return () =>
      h('main', [
        h('p', `${status.value ?? 'unknown'} ${progress.value}%`),
        h('p', `${videos.value.length} videos${isLoading.value ? ' loading' : ''}`),
        h('p', url.value ?? 'no url'),
      ])
  },
})

describe('server rendering', () => {
  it('renders the cached state and sends no request, then or later', async () => {
    const { api, client, advance } = setup()
    const job = api.jobs.create({ prompt: 'x' })
    await advance(12_000)
    client.ingest(api.jobs.get(job.id))
    const app = createSSRApp(Page, { id: job.id }).use(VideoClientPlugin, { client })
    const html = await renderToString(app)
    expect(html).toContain('in_progress 49%')
    expect(html).toContain('0 videos')
    expect(html).toContain('no url')
    await advance(60_000)
    expect(api.log).toHaveLength(0)
    expect(client.getJob(job.id).isPolling).toBe(false)
  })

  it('renders the idle state for an unknown job', async () => {
    const { api, client } = setup()
    const html = await renderToString(
      createSSRApp(Page, { id: 'video_unknown' }).use(VideoClientPlugin, { client }),
    )
    expect(html).toContain('unknown 0%')
    expect(api.log).toHaveLength(0)
  })

  it('does not subscribe in a store-like scope on the server', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    const app = createSSRApp({ render: () => null }).use(VideoClientPlugin, { client })
    const scope = effectScope(true)
    app.runWithContext(() => scope.run(() => useVideoJob(id)))
    await advance(10_000)
    expect(api.log).toHaveLength(0)
    scope.stop()
  })

  it('fetches once for an awaited job (async setup), renders it, and leaves nothing polling', async () => {
    const { api, client, advance, retrieves } = setup({ client: { polling: { interval: 1_000 } } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const AsyncPage = defineComponent({
      async setup() {
        const { status, suspense } = useVideoJob(id)
        await suspense()
        return () => h('p', status.value)
      },
    })
    const html = await renderToString(createSSRApp(AsyncPage).use(VideoClientPlugin, { client }))
    expect(html).toBe('<p>queued</p>')
    await advance(30_000)
    expect(retrieves(id)).toBe(1)
    expect(client.getJob(id).isPolling).toBe(false)
  })
})
