import { afterEach, describe, expect, it, vi } from 'vitest'
import { record, setup } from '../../test/harness'
import { VideoApiError, VideoNetworkError } from '../errors'

afterEach(() => {
  vi.useRealTimers()
})

describe('a poll past its deadline', () => {
  it('is abandoned after polling.timeout (30 s by default), backs off, and frees its slot', async () => {
    const { api, client, advance } = setup({ mock: { queueMs: 1_000_000 } })
    api.faults.add({ fault: { type: 'error', status: 404 }, endpoint: 'list' })
    api.faults.add({ fault: { type: 'latency', ms: 600_000 }, endpoint: 'retrieve', times: 4 })
    const hung = Array.from({ length: 4 }, (_, i) => api.jobs.create({ prompt: `hung ${i}` }).id)
    hung.forEach((id) => client.job$(id).subscribe())
    await advance(1_000)
    // Four hung connections hold every slot the poller starts with.
    const late = api.jobs.create({ prompt: 'late' }).id
    const job = record(client, late)
    await advance(28_000)
    expect(job.last().video).toBeUndefined()
    await advance(2_000)
    expect(job.last().video?.id).toBe(late)
    for (const id of hung) {
      expect(client.getJob(id).error).toBeInstanceOf(VideoNetworkError)
      expect(client.getJob(id).error).toMatchObject({ timedOut: true })
      expect(client.getJob(id).error?.message).toMatch(/polling\.timeout/)
    }
    expect(
      api.log.filter((entry) => hung.includes(entry.id ?? '') && entry.status === 'aborted'),
    ).toHaveLength(4)
    // After a backoff, they are polled again (and answer this time).
    await advance(10_000)
    expect(hung.every((id) => client.getJob(id).video !== undefined)).toBe(true)
  })

  it('follows polling.timeout', async () => {
    const { api, client, advance } = setup({ client: { polling: { timeout: 5_000 } } })
    const { id } = api.jobs.create({ prompt: 'x' })
    api.faults.next({ type: 'latency', ms: 60_000 }, { endpoint: 'retrieve' })
    client.job$(id).subscribe()
    await advance(4_900)
    expect(client.getJob(id).error).toBeUndefined()
    await advance(100)
    expect(client.getJob(id).error).toMatchObject({ name: 'VideoNetworkError', timedOut: true })
  })
})

describe('a 404 about a job the client knows', () => {
  it('is taken as deleted only when the next retrieve, after a short backoff, says 404 again', async () => {
    const { api, client, advance } = setup({
      mock: { queueMs: 1_000_000 },
      client: { polling: { interval: 1_000 } },
    })
    const { id } = api.jobs.create({ prompt: 'x' })
    const job = record(client, id)
    await advance(0)
    api.faults.next({ type: 'error', status: 404 }, { endpoint: 'retrieve' })
    await advance(1_000)
    // A gateway's routing blip: the job is not deleted, and the next poll clears the error.
    expect(job.last()).toMatchObject({ isDeleted: false, error: expect.any(VideoApiError) })
    await advance(5_000)
    expect(job.last()).toMatchObject({ isDeleted: false, error: undefined, isPolling: true })
    // Deleted for real: two 404s in a row.
    api.jobs.remove(id)
    await advance(1_000)
    expect(job.last().isDeleted).toBe(false)
    await advance(5_000)
    expect(job.last()).toMatchObject({ isDeleted: true, isPolling: false })
    await expect(client.waitForCompletion(id)).rejects.toThrow(/was deleted/)
  })

  it('is never concluded from a list page: a page the server will not serve sends its jobs to retrieves', async () => {
    const { api, client, advance, retrieves } = setup({
      mock: { queueMs: 1_000_000 },
      client: { polling: { interval: 1_000 } },
    })
    const ids = Array.from({ length: 3 }, (_, i) => api.jobs.create({ prompt: `job ${i}` }).id)
    await client.list().refresh()
    api.faults.add({ fault: { type: 'error', status: 404 }, endpoint: 'list' })
    ids.forEach((id) => client.job$(id).subscribe())
    await advance(3_000)
    expect(ids.every((id) => !client.getJob(id).isDeleted && client.getJob(id).isPolling)).toBe(true)
    expect(ids.every((id) => retrieves(id) >= 2)).toBe(true)
  })
})
