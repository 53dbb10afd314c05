import { afterEach, describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import { setup } from './test-support'
import { useVideoJob } from './use-video-job'
import { useVideoList } from './use-video-list'

afterEach(() => {
  vi.useRealTimers()
})

describe('a row of a live list, next to another live job', () => {
  // Blocked on core: a coalesced newest-page poll settles its jobs without the page's
  // `openai-poll-after-ms` (Poller#startPage passes `undefined`), and commitPages' noteFresh(id, hint)
  // is skipped because the job is in flight, so the hint is lost and the bar sits still for seconds.
  it('moves at the pace the server asks for (openai-poll-after-ms)', async () => {
    const { api, inScope, advance } = setup({ mock: { queueMs: 500, renderMs: 3_000, pollAfterMs: 400 } })
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
