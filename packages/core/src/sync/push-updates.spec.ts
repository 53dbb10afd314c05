import { Subject } from 'rxjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { record, setup } from '../../test/harness'
import type { VideoUpdate } from './updates'

afterEach(() => vi.useRealTimers())

/** A client on the mock API with a push source the test drives. */
function pushed() {
  const updates = new Subject<VideoUpdate>()
  const h = setup({ client: { updates: { updates$: updates } } })
  let pushes = 0
  /** The client's own polls (the relay's reads for the pushes are not the client's). */
  const polls = () => h.retrieves() + h.lists() - pushes
  /** Pushes the job as the mock holds it now, as a relay would after its own poll. */
  const push = async (id: string) => {
    pushes++
    const answer = await h.api.fetch(`http://mock.local/v1/videos/${id}`)
    updates.next({ type: 'video', video: await answer.json() })
  }
  return { ...h, updates, polls, push }
}

describe('createVideoClient({ updates })', () => {
  it('polls nothing while the stream is open and pushes keep the job fresh', async () => {
    const h = pushed()
    const video = await h.client.create({ prompt: 'pushed' })
    const job = record(h.client, video.id)
    h.updates.next({ type: 'open' })
    const before = h.polls()
    for (let second = 0; second < 24; second++) {
      await h.advance(1_000)
      await h.push(video.id)
    }
    expect(h.polls()).toBe(before)
    expect(job.last()).toMatchObject({ status: 'completed', progress: 100 })
    job.unsubscribe()
    h.client.dispose()
  })

  it('passes pushed videos through validation and the forward-only merge', async () => {
    const h = pushed()
    const video = await h.client.create({ prompt: 'pushed' })
    const job = record(h.client, video.id)
    h.updates.next({ type: 'open' })
    h.updates.next({ type: 'video', video: { ...video, status: 'in_progress', progress: 60 } })
    h.updates.next({ type: 'video', video: { ...video, status: 'in_progress', progress: 30 } })
    h.updates.next({ type: 'video', video: { ...video, status: 'queued', progress: 0 } })
    h.updates.next({
      type: 'video',
      video: { id: video.id, object: 'video', status: 'weird', progress: 'x' },
    })
    h.updates.next({ type: 'video', video: 'garbage' })
    expect(job.last()).toMatchObject({ status: 'in_progress', progress: 60, error: undefined })
    job.unsubscribe()
    h.client.dispose()
  })

  it('places a video pushed from elsewhere (another tab) in the loaded lists, and never a deleted one', async () => {
    const h = pushed()
    const older = h.api.jobs.create({ prompt: 'older' })
    const list = h.client.list()
    await list.refresh()
    h.updates.next({ type: 'open' })
    await h.advance(1_000)
    const elsewhere = h.api.jobs.create({ prompt: 'made in another tab' })
    await h.push(elsewhere.id)
    expect(list.getState().videos.map((video) => video.id)).toEqual([elsewhere.id, older.id])
    await h.client.delete(elsewhere.id)
    await h.push(elsewhere.id)
    expect(list.getState().videos.map((video) => video.id)).toEqual([older.id])
    h.client.dispose()
  })

  it('gives a job the stream stays silent about one confirming poll', async () => {
    const h = pushed()
    const video = await h.client.create({ prompt: 'silent' })
    const job = record(h.client, video.id)
    h.updates.next({ type: 'open' })
    await h.push(video.id)
    const before = h.polls()
    // Queued: the interval is 5 s; covered, a silent job waits that and as much again.
    await h.advance(9_000)
    expect(h.polls()).toBe(before)
    await h.advance(1_500)
    expect(h.polls()).toBe(before + 1)
    job.unsubscribe()
    h.client.dispose()
  })

  it('polls at once when the stream drops or missed updates, and stops again when it reopens', async () => {
    const h = pushed()
    const video = await h.client.create({ prompt: 'dropped' })
    const job = record(h.client, video.id)
    h.updates.next({ type: 'open' })
    await h.push(video.id)
    const before = h.polls()
    h.updates.next({ type: 'closed' })
    await h.advance(0)
    expect(h.polls()).toBe(before + 1)
    await h.advance(20_000)
    const polling = h.polls()
    expect(polling).toBeGreaterThan(before + 2)
    h.updates.next({ type: 'open' })
    await h.push(video.id)
    h.updates.next({ type: 'reset' })
    await h.advance(0)
    expect(h.polls()).toBe(polling + 1)
    job.unsubscribe()
    h.client.dispose()
  })

  it('unsubscribes from the source on dispose', () => {
    const h = pushed()
    expect(h.updates.observed).toBe(true)
    h.client.dispose()
    expect(h.updates.observed).toBe(false)
  })
})
