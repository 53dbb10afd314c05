import type { MockVideoApi } from '@vidjob/mock-api'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, isReactive, nextTick, ref, Suspense } from 'vue'
import { setup } from '../test/test-support'
import { useVideoList } from './use-video-list'

afterEach(() => {
  vi.useRealTimers()
})

/** Seeds `count` jobs one second apart (distinct created_at), oldest first. */
function seed(api: MockVideoApi, count: number): string[] {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    ids.push(api.jobs.create({ prompt: `video ${i}` }).id)
    vi.advanceTimersByTime(1_000)
  }
  return ids
}

const lists = (api: MockVideoApi): number => api.count({ endpoint: 'list' })

describe('useVideoList', () => {
  it('loads the first page when mounted and pages forward', async () => {
    const { api, mountWithClient, advance } = setup()
    const ids = seed(api, 5)
    const List = defineComponent({
      setup() {
        const { videos, hasMore, isLoading, fetchNextPage } = useVideoList({ limit: 2 })
        return () =>
          h('div', [
            h('p', isLoading.value ? 'loading' : videos.value.map((video) => video.id).join(',')),
            hasMore.value ? h('button', { onClick: () => fetchNextPage() }, 'more') : null,
          ])
      },
    })
    const wrapper = mountWithClient(List)
    await nextTick() // the list is observed from mount on, and re-renders before the browser paints
    expect(wrapper.text()).toBe('loading')
    await advance(0)
    expect(wrapper.find('p').text()).toBe([ids[4], ids[3]].join(','))
    await wrapper.find('button').trigger('click')
    await advance(0)
    await wrapper.find('button').trigger('click')
    await advance(0)
    expect(wrapper.find('p').text()).toBe([...ids].reverse().join(','))
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('follows a reactive query, and an equal new query object changes nothing', async () => {
    const { api, inScope, advance } = setup()
    seed(api, 5)
    const query = ref({ limit: 2 })
    const { result } = inScope(() => useVideoList(query))
    await advance(0)
    expect(result.videos.value).toHaveLength(2)
    query.value = { limit: 2 }
    await advance(0)
    expect(lists(api)).toBe(1)
    query.value = { limit: 3 }
    await advance(0)
    expect(result.videos.value).toHaveLength(3)
    expect(lists(api)).toBe(2)
  })

  it('shows a new video at the head and keeps live rows polled until its scope stops', async () => {
    const { api, client, inScope, advance } = setup({
      client: { polling: { interval: 1_000 } },
      mock: { queueMs: 120_000 },
    })
    seed(api, 2)
    const { scope, result } = inScope(() => useVideoList({ limit: 10 }))
    await advance(0)
    const created = await client.create({ prompt: 'fresh' })
    expect(result.videos.value.map((video) => video.id)).toHaveLength(3)
    expect(result.videos.value[0]?.id).toBe(created.id)
    const beforePolls = api.log.length
    await advance(5_000)
    expect(api.log.length).toBeGreaterThanOrEqual(beforePolls + 5)
    scope.stop()
    const requests = api.log.length
    await advance(30_000)
    expect(api.log.length).toBe(requests)
  })

  it('refreshes the loaded page from its start and reports failures in `error`', async () => {
    const { api, inScope, advance } = setup()
    const ids = seed(api, 3)
    const { result } = inScope(() => useVideoList({ limit: 2 }))
    await advance(0)
    api.faults.next({ type: 'error', status: 500 }, { endpoint: 'list' })
    await result.refresh()
    expect(result.error.value).toMatchObject({ name: 'VideoApiError', status: 500 })
    expect(result.videos.value).toHaveLength(2)
    const elsewhere = api.jobs.create({ prompt: 'created by another tab' })
    await result.refresh()
    expect(result.error.value).toBeUndefined()
    expect(result.videos.value.map((video) => video.id)).toEqual([elsewhere.id, ids[2]])
    const pages = api.log.filter((entry) => entry.endpoint === 'list')
    expect(pages.map((entry) => entry.query.after)).toEqual([undefined, undefined, undefined])
  })

  it('keeps the rows as the cached objects, not proxies', async () => {
    const { api, inScope, advance } = setup()
    seed(api, 1)
    const { result } = inScope(() => useVideoList())
    await advance(0)
    expect(isReactive(result.videos.value)).toBe(false)
    expect(isReactive(result.videos.value[0])).toBe(false)
  })

  it('throws for a query outside the spec', () => {
    const { inScope } = setup()
    expect(() => inScope(() => useVideoList({ limit: 500 }))).toThrow(/limit must be at most 100/)
  })
})

describe('useVideoList().suspense()', () => {
  it('renders the first page under <Suspense>', async () => {
    const { api, mountWithClient, advance } = setup({ mock: { latencyMs: 200 } })
    const ids = seed(api, 2)
    const AsyncList = defineComponent({
      async setup() {
        const { videos, suspense } = useVideoList()
        await suspense()
        return () => h('p', videos.value.map((video) => video.id).join(','))
      },
    })
    const wrapper = mountWithClient(
      defineComponent({
        setup: () => () =>
          h(Suspense, null, { default: () => h(AsyncList), fallback: () => h('i', 'loading') }),
      }),
    )
    expect(wrapper.text()).toBe('loading')
    await advance(200)
    await flushPromises()
    expect(wrapper.text()).toBe([ids[1], ids[0]].join(','))
  })

  it('rejects with the typed error of a failed first page', async () => {
    const { api, inScope, advance } = setup()
    api.faults.next({ type: 'error', status: 503 }, { endpoint: 'list' })
    const pending = inScope(() => useVideoList()).result.suspense()
    const settled = expect(pending).rejects.toMatchObject({ name: 'VideoApiError', status: 503 })
    await advance(0)
    await settled
  })
})
