import { IDLE_JOB_STATE } from '@vidjob/core/bindings'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  defineComponent,
  h,
  isProxy,
  isReactive,
  nextTick,
  onErrorCaptured,
  ref,
  shallowRef,
  Suspense,
  watch,
} from 'vue'
import { setup } from '../test/test-support'
import { useVideoJob } from './use-video-job'

afterEach(() => {
  vi.useRealTimers()
})

const JobRow = defineComponent({
  props: { id: { type: String, required: false, default: undefined } },
  setup(props) {
    const { status, progress } = useVideoJob(() => props.id)
    return () => h('p', `${status.value ?? 'none'} ${progress.value}`)
  },
})

/** N rows of the same job, mounted and unmounted together. */
const Rows = defineComponent({
  props: { id: { type: String, required: true }, count: { type: Number, required: true } },
  setup: (props) => () =>
    h(
      'div',
      Array.from({ length: props.count }, () => h(JobRow, { id: props.id })),
    ),
})

describe('useVideoJob', () => {
  it('renders the job live until it completes', async () => {
    const { api, mountWithClient, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'a fox' })
    const wrapper = mountWithClient(JobRow, { props: { id } })
    await advance(0)
    expect(wrapper.text()).toBe('queued 0')
    await advance(12_000)
    expect(wrapper.text()).toMatch(/^in_progress [1-9]\d*$/)
    await advance(30_000)
    expect(wrapper.text()).toBe('completed 100')
  })

  it('shares one request per interval between every component showing the job', async () => {
    const single = setup({ client: { polling: { interval: 1_000 } }, mock: { queueMs: 60_000 } })
    const one = single.api.jobs.create({ prompt: 'x' })
    single.mountWithClient(Rows, { props: { id: one.id, count: 1 } })
    await single.advance(10_000)
    const perComponent = single.retrieves(one.id)
    vi.useRealTimers()

    const shared = setup({ client: { polling: { interval: 1_000 } }, mock: { queueMs: 60_000 } })
    const many = shared.api.jobs.create({ prompt: 'x' })
    shared.mountWithClient(Rows, { props: { id: many.id, count: 20 } })
    await shared.advance(10_000)
    expect(perComponent).toBe(11)
    expect(shared.retrieves(many.id)).toBe(perComponent)
  })

  it('switches the subscription when the id changes: the old job is no longer polled, the new one is', async () => {
    const { api, client, inScope, advance, retrieves } = setup({ client: { polling: { interval: 1_000 } } })
    const a = api.jobs.create({ prompt: 'a' })
    const b = api.jobs.create({ prompt: 'b' })
    const id = ref<string>(a.id)
    const { result } = inScope(() => useVideoJob(id))
    await advance(3_000)
    expect(result.state.value.id).toBe(a.id)
    expect(retrieves(b.id)).toBe(0)

    id.value = b.id
    await advance(0)
    const aCount = retrieves(a.id)
    await advance(5_000)
    expect(retrieves(a.id)).toBe(aCount)
    expect(client.getJob(a.id).isPolling).toBe(false)
    expect(retrieves(b.id)).toBeGreaterThanOrEqual(5)
    expect(result.state.value).toMatchObject({ id: b.id, isPolling: true, status: 'in_progress' })
  })

  it('is idle for a nullish id: no request, then starts when an id arrives', async () => {
    const { api, inScope, advance } = setup()
    const job = api.jobs.create({ prompt: 'x' })
    const id = ref<string | null | undefined>(null)
    const { result } = inScope(() => useVideoJob(id))
    await advance(10_000)
    expect(api.log).toHaveLength(0)
    expect(result.state.value).toBe(IDLE_JOB_STATE)

    id.value = job.id
    await advance(0)
    expect(result.status.value).toBe('in_progress')
    id.value = undefined
    await nextTick()
    expect(result.state.value.id).toBe('')
  })

  it('stops polling when its effectScope stops', async () => {
    const { api, client, inScope, advance, retrieves } = setup({ client: { polling: { interval: 1_000 } } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const { scope } = inScope(() => useVideoJob(id))
    await advance(3_000)
    expect(client.getJob(id).isPolling).toBe(true)
    scope.stop()
    const count = retrieves(id)
    await advance(30_000)
    expect(retrieves(id)).toBe(count)
    expect(client.getJob(id).isPolling).toBe(false)
  })

  it('stops polling when its component unmounts', async () => {
    const { api, client, mountWithClient, advance, retrieves } = setup({
      client: { polling: { interval: 1_000 } },
    })
    const { id } = api.jobs.create({ prompt: 'x' })
    const wrapper = mountWithClient(Rows, { props: { id, count: 3 } })
    await advance(3_000)
    wrapper.unmount()
    const count = retrieves(id)
    await advance(30_000)
    expect(retrieves(id)).toBe(count)
    expect(client.getJob(id).isPolling).toBe(false)
  })

  it('never deep-proxies the cached objects', async () => {
    const { api, inScope, advance } = setup()
    api.jobs.create({ prompt: 'x', outcome: { failAtProgress: 10, code: 'moderation', message: 'Blocked' } })
    const { id } = api.jobs.all()[0] as { id: string }
    const { result } = inScope(() => useVideoJob(id))
    await advance(30_000)
    expect(result.status.value).toBe('failed')
    for (const value of [result.state.value, result.video.value, result.failure.value]) {
      expect(isReactive(value)).toBe(false)
      expect(isProxy(value)).toBe(false)
    }
    expect(result.failure.value).toEqual({ code: 'moderation', message: 'Blocked' })
  })

  it('re-renders a component that shows only the status when the status changes, not on every poll', async () => {
    const { api, mountWithClient, advance } = setup({ client: { polling: { interval: 1_000 } } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const rendered: string[] = []
    const Status = defineComponent({
      setup() {
        const { status } = useVideoJob(id)
        return () => {
          rendered.push(status.value ?? 'none')
          return h('p', status.value)
        }
      },
    })
    mountWithClient(Status)
    await advance(23_000)
    expect(rendered).toEqual(['none', 'queued', 'in_progress', 'completed'])
  })

  it('updates a field ref only when that field changes', async () => {
    const { api, inScope, advance } = setup({ client: { polling: { interval: 1_000 } } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const { result } = inScope(() => useVideoJob(id))
    const statuses: unknown[] = []
    const progresses: unknown[] = []
    inScope(() => {
      watch(result.status, (value) => statuses.push(value))
      watch(result.progress, (value) => progresses.push(value))
    })
    await advance(23_000)
    expect(statuses).toEqual(['queued', 'in_progress', 'completed'])
    expect(progresses.length).toBeGreaterThan(statuses.length)
  })

  it('leaves nothing subscribed after 1000 mounts and unmounts', async () => {
    const { api, client, mountWithClient, advance, retrieves } = setup({
      client: { polling: { interval: 1_000 } },
    })
    const { id } = api.jobs.create({ prompt: 'x' })
    for (let i = 0; i < 1_000; i++) mountWithClient(JobRow, { props: { id } }).unmount()
    await advance(0)
    const count = retrieves(id)
    await advance(30_000)
    expect(retrieves(id)).toBe(count)
    expect(client.getJob(id).isPolling).toBe(false)
    expect(api.log.filter((entry) => entry.status === undefined)).toHaveLength(0)
    // A thousand real mounts take seconds on a loaded two-core machine.
  }, 20_000)
})

describe('useVideoJob().suspense()', () => {
  const AsyncJob = defineComponent({
    props: { id: { type: String, required: true } },
    async setup(props) {
      const { status, suspense } = useVideoJob(() => props.id)
      await suspense()
      // The refs are current as soon as suspense() resolves, before the component mounts.
      const atResolve = status.value
      return () => h('p', `${atResolve} ${status.value}`)
    },
  })

  const Boundary = defineComponent({
    props: { id: { type: String, required: true } },
    setup(props) {
      const failure = shallowRef<unknown>()
      onErrorCaptured((error) => {
        failure.value = error
        return false
      })
      return () =>
        failure.value
          ? h('strong', String(failure.value))
          : h(Suspense, null, {
              default: () => h(AsyncJob, { id: props.id }),
              fallback: () => h('i', 'loading'),
            })
    },
  })

  it('resolves under <Suspense> once the first data arrives', async () => {
    const { api, mountWithClient, advance } = setup({ mock: { latencyMs: 300 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const wrapper = mountWithClient(Boundary, { props: { id } })
    expect(wrapper.text()).toBe('loading')
    await advance(300)
    await flushPromises()
    expect(wrapper.text()).toBe('queued queued')
  })

  it('rejects with the typed error, which the error boundary receives', async () => {
    const { mountWithClient, advance } = setup()
    const wrapper = mountWithClient(Boundary, { props: { id: 'video_missing' } })
    await advance(0)
    await flushPromises()
    expect(wrapper.text()).toMatch(/^VideoApiError: /)
  })

  it('resolves at once for a cached job and for no job, without a request', async () => {
    const { api, client, inScope, advance } = setup({ mock: { latencyMs: 1_000 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const refetched = client.refetch(id)
    await advance(1_000)
    await refetched
    const { result } = inScope(() => ({ cached: useVideoJob(id), none: useVideoJob(null) }))
    await expect(result.cached.suspense()).resolves.toMatchObject({ id, status: 'queued' })
    await expect(result.none.suspense()).resolves.toMatchObject({ id: '', status: undefined })
    expect(api.log).toHaveLength(1)
  })

  it('leaves the refs on the current job when the id changed while it waited', async () => {
    const { api, client, inScope, advance } = setup({ mock: { latencyMs: 500 } })
    const [a, b] = ['a', 'b'].map((prompt) => api.jobs.create({ prompt }).id) as [string, string]
    // `b` is cached, so nothing about it arrives while `a` loads.
    await Promise.all([client.ensureJob(b), advance(500)])
    const id = ref(a)
    const { result } = inScope(() => useVideoJob(id))
    // Another view keeps `a` observed, so its request is not aborted when this one switches away.
    inScope(() => useVideoJob(a))
    const waited = result.suspense()
    id.value = b
    await advance(500)
    await expect(waited).resolves.toMatchObject({ id: a, status: 'queued' })
    expect(result.state.value).toMatchObject({ id: b, status: 'queued' })
  })

  it('rejects outside a component too', async () => {
    const { inScope, advance } = setup()
    const pending = inScope(() => useVideoJob('video_missing')).result.suspense()
    const settled = expect(pending).rejects.toMatchObject({ name: 'VideoApiError', status: 404 })
    await advance(0)
    await settled
  })
})
