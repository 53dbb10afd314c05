import { afterEach, describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import { setup } from '../test/test-support'
import { useVideoJob } from './use-video-job'
import { useVideoList } from './use-video-list'

afterEach(() => {
  vi.useRealTimers()
})

describe('a row of a live list, next to another live job', () => {
  it('moves at the pace the server asks for (openai-poll-after-ms)', async () => {
    const { api, inScope, advance } = setup({
      mock: { queueMs: 500, renderMs: 3_000, pollAfterMs: 400 },
      // The hint is followed down to minInterval (1 s by default): lowered, the 400 ms hint sets the pace.
      client: { polling: { minInterval: 200 } },
    })
    api.jobs.create({ prompt: 'a long render', queueMs: 0, renderMs: 60_000 })
    const list = inScope(() => useVideoList({ limit: 8 })).result
    await advance(1_000)
    const { id } = api.jobs.create({ prompt: 'a short render' })
    await list.refresh()
    const progress = inScope(() => useVideoJob(id)).result.progress
    const seen = [progress.value]
    inScope(() => watch(progress, (value) => seen.push(value)))
    await advance(4_000)
    expect(seen.at(-1)).toBe(100)
    expect(seen.filter((value) => value > 0 && value < 100).length).toBeGreaterThanOrEqual(4)
  })
})
