import { afterEach, describe, expect, it, vi } from 'vitest'
import { ref, watch } from 'vue'
import { setup } from '../test/test-support'
import { useVideoProgress } from './use-video-progress'

afterEach(() => {
  vi.useRealTimers()
})

describe('useVideoProgress', () => {
  it('follows the progress with distinct, rising values up to 100, polling the job meanwhile', async () => {
    const { api, client, inScope, advance } = setup({ client: { polling: { interval: 1_000 } } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const { result: progress, scope } = inScope(() => useVideoProgress(id))
    const seen: number[] = []
    inScope(() => watch(progress, (value) => seen.push(value)))
    expect(client.getJob(id).isPolling).toBe(true)
    await advance(25_000)
    expect(progress.value).toBe(100)
    expect(seen).toEqual([...new Set(seen)].sort((a, b) => a - b))
    expect(seen.length).toBeGreaterThan(5)
    scope.stop()
  })

  it('follows a changed id: reads the new job, and polls it instead of the old one', async () => {
    const { api, client, inScope, advance } = setup({ client: { polling: { interval: 1_000 } } })
    const a = api.jobs.create({ prompt: 'a', queueMs: 0, renderMs: 10_000 })
    const b = api.jobs.create({ prompt: 'b', queueMs: 0, renderMs: 100_000 })
    const id = ref(a.id)
    const { result: progress } = inScope(() => useVideoProgress(id))
    await advance(5_000)
    expect(progress.value).toBe(client.getJob(a.id).progress)
    id.value = b.id
    await advance(5_000)
    expect(progress.value).toBe(client.getJob(b.id).progress)
    expect(progress.value).toBeLessThan(10)
    expect(client.getJob(a.id).isPolling).toBe(false)
    expect(client.getJob(b.id).isPolling).toBe(true)
  })

  it('reads 0 for no job and sends nothing', async () => {
    const { api, inScope, advance } = setup()
    const id = ref<string | null>(null)
    const { result: progress } = inScope(() => useVideoProgress(id))
    await advance(5_000)
    expect(progress.value).toBe(0)
    expect(api.log).toHaveLength(0)
  })
})
