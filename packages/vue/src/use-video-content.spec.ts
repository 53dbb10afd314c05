import { VideoApiError } from '@vidjob/core'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { setup } from '../test/test-support'
import { useVideoContent } from './use-video-content'

let created: MockInstance<typeof URL.createObjectURL>
let revoked: MockInstance<typeof URL.revokeObjectURL>

beforeEach(() => {
  let next = 0
  created = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${++next}`)
  revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
})

afterEach(() => {
  vi.useRealTimers()
})

const downloads = (api: ReturnType<typeof setup>['api']) =>
  api.log.filter((entry) => entry.endpoint === 'content')

describe('useVideoContent', () => {
  it('waits for the job to complete, then downloads the asked variant once', async () => {
    const { api, inScope, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    const { result } = inScope(() => useVideoContent(id, { variant: 'thumbnail' }))
    await advance(10_000)
    expect([result.url.value, result.isLoading.value]).toEqual([undefined, false])
    expect(downloads(api)).toHaveLength(0)
    await advance(20_000)
    expect(result.url.value).toBe('blob:test/1')
    expect(result.isLoading.value).toBe(false)
    expect(downloads(api).map((entry) => entry.query)).toEqual([{ variant: 'thumbnail' }])
    expect((created.mock.calls[0]?.[0] as Blob).type).toMatch(/^image\//)
  })

  it('revokes the URL when the id or the variant changes, and when its scope ends', async () => {
    const { api, inScope, advance } = setup()
    const a = api.jobs.create({ prompt: 'a' })
    const b = api.jobs.create({ prompt: 'b' })
    api.jobs.complete(a.id)
    api.jobs.complete(b.id)
    const id = ref(a.id)
    const variant = ref<'video' | 'thumbnail'>('video')
    const { result, scope } = inScope(() => useVideoContent(id, { variant }))
    await advance(0)
    expect(result.url.value).toBe('blob:test/1')
    id.value = b.id
    await advance(0)
    expect(revoked.mock.calls).toEqual([['blob:test/1']])
    expect(result.url.value).toBe('blob:test/2')
    variant.value = 'thumbnail'
    await advance(0)
    expect(result.url.value).toBe('blob:test/3')
    scope.stop()
    expect(revoked.mock.calls.flat()).toEqual(['blob:test/1', 'blob:test/2', 'blob:test/3'])
    expect(result.url.value).toBeUndefined()
  })

  it('keeps its URL while the id and variant stay the same, whatever object they are read from', async () => {
    const { api, inScope, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    api.jobs.complete(id)
    const selected = ref({ id, title: 'first' })
    const { result } = inScope(() => useVideoContent(() => selected.value.id))
    await advance(0)
    selected.value = { id, title: 'renamed' }
    await advance(0)
    expect(result.url.value).toBe('blob:test/1')
    expect(downloads(api)).toHaveLength(1)
    expect(revoked).not.toHaveBeenCalled()
  })

  it('aborts a running download when the id changes, and never creates its URL', async () => {
    const { api, inScope, advance } = setup({ mock: { latencyMs: 500 } })
    const a = api.jobs.create({ prompt: 'a' })
    api.jobs.complete(a.id)
    const id = ref<string | null>(a.id)
    const { result } = inScope(() => useVideoContent(id))
    await advance(700) // the job is known completed; its download is in flight
    expect(downloads(api)).toHaveLength(1)
    id.value = null
    await advance(1_000)
    expect(downloads(api)[0]?.status).toBe('aborted')
    expect(created).not.toHaveBeenCalled()
    expect([result.url.value, result.isLoading.value, result.error.value]).toEqual([
      undefined,
      false,
      undefined,
    ])
  })

  it('revokes the URL when its component unmounts', async () => {
    const { api, mountWithClient, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    api.jobs.complete(id)
    const Player = defineComponent({
      setup() {
        const { url } = useVideoContent(id)
        return () => h('video', { src: url.value })
      },
    })
    const wrapper = mountWithClient(Player)
    await advance(0)
    expect(wrapper.find('video').attributes('src')).toBe('blob:test/1')
    expect((created.mock.calls[0]?.[0] as Blob).type).toMatch(/^video\//)
    wrapper.unmount()
    expect(revoked).toHaveBeenCalledWith('blob:test/1')
  })

  it('downloads nothing for a failed job', async () => {
    const { api, inScope, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x', outcome: { failAtProgress: 30, message: 'Blocked' } })
    const { result } = inScope(() => useVideoContent(id))
    await advance(30_000)
    expect(result.state.value).toEqual({ url: undefined, isLoading: false, error: undefined })
    expect(downloads(api)).toHaveLength(0)
  })

  it('reports a failed download in `error`, typed', async () => {
    const { api, inScope, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    api.jobs.complete(id)
    api.faults.next({ type: 'error', status: 503, message: 'Storage is napping' }, { endpoint: 'content' })
    const { result } = inScope(() => useVideoContent(id))
    await advance(0)
    expect(result.error.value).toBeInstanceOf(VideoApiError)
    expect(result.error.value?.message).toBe('Storage is napping')
    expect([result.url.value, result.isLoading.value]).toEqual([undefined, false])
  })

  it('is idle for no id', async () => {
    const { api, inScope, advance } = setup()
    const { result } = inScope(() => useVideoContent(undefined))
    await advance(1_000)
    expect([result.url.value, result.isLoading.value, result.error.value]).toEqual([
      undefined,
      false,
      undefined,
    ])
    expect(api.log).toHaveLength(0)
  })
})
