import { afterEach, describe, expect, it, vi } from 'vitest'
import { setup } from '../../test/harness'
import { makeVideo } from '../../test/fixtures'

afterEach(() => vi.useRealTimers())

describe('the derived job state', () => {
  it('never lowers progress, even when a job fails reporting less, and carries the failure', () => {
    const { client } = setup()
    const video = makeVideo({ status: 'in_progress', progress: 60 })
    client.ingest(video)
    client.ingest({
      ...video,
      status: 'failed',
      progress: 0,
      error: { code: 'moderation', message: 'blocked' },
    })
    expect(client.getJob(video.id)).toMatchObject({
      progress: 60,
      status: 'failed',
      failure: { code: 'moderation', message: 'blocked' },
      eta: undefined,
    })
  })

  it('reads 100 once completed, whatever progress the server sent', () => {
    const { client } = setup()
    const video = makeVideo({ status: 'completed', progress: 0 })
    client.ingest(video)
    expect(client.getJob(video.id)).toMatchObject({ progress: 100, failure: undefined, eta: undefined })
  })

  it('estimates eta from the observed progress rate, and has none while queued', async () => {
    const { client, advance } = setup()
    const video = makeVideo({ status: 'queued' })
    client.ingest(video)
    expect(client.getJob(video.id).eta).toBeUndefined()
    client.ingest({ ...video, status: 'in_progress', progress: 10 })
    await advance(10_000)
    client.ingest({ ...video, status: 'in_progress', progress: 20 })
    // 10 points in 10 s: the remaining 80 points take about 80 s.
    const eta = client.getJob(video.id).eta as number
    expect(eta).toBeGreaterThan(70_000)
    expect(eta).toBeLessThan(90_000)
  })
})
