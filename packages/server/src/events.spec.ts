import { afterEach, describe, expect, it } from 'vitest'
import { readEvents, relaySetup } from '../test/relay-harness'

let h: ReturnType<typeof relaySetup>
afterEach(() => h.close())

const polls = () => h.upstreamCalls('retrieve') + h.upstreamCalls('list')

describe('GET /videos/events', () => {
  it("streams the caller's live jobs, then every change with increasing ids, and nobody else's", async () => {
    h = relaySetup()
    const { id } = await h.as('ann').create()
    await h.as('bob').create()
    const response = await h.as('ann').get('/videos/events')
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const stream = readEvents(response)
    const [first, ready] = await stream.until(2)
    expect(first).toMatchObject({ event: 'video', id: undefined })
    expect(JSON.parse(first!.data)).toMatchObject({ id, status: 'queued' })
    expect(ready?.event).toBe('ready')
    await h.advance(25_000)
    const events = (await stream.until(6)).slice(2)
    const ids = events.map((event) => Number(event.id))
    expect(ids.every((value, i) => i === 0 || value > ids[i - 1]!)).toBe(true)
    expect(ids[0]).toBeGreaterThan(Number(ready!.id))
    const videos = events.map((event) => JSON.parse(event.data) as { id: string; progress: number })
    expect(videos.every((video) => video.id === id)).toBe(true)
    await h.advance(10_000)
    const done = await stream.find((e) => e.event === 'video' && JSON.parse(e.data).status === 'completed')
    expect(JSON.parse(done!.data)).toMatchObject({ id, progress: 100 })
    await stream.cancel()
  })

  it('costs the upstream the same polls with 200 viewers as with none', async () => {
    h = relaySetup()
    await h.as('ann').create()
    await h.advance(10_000)
    const alone = polls()
    await h.close()
    h = relaySetup()
    await h.as('ann').create()
    const viewers = await Promise.all(
      Array.from({ length: 200 }, async () => readEvents(await h.as('ann').get('/videos/events'))),
    )
    await h.advance(10_000)
    expect(polls()).toBe(alone)
    await Promise.all(viewers.map((viewer) => viewer.cancel()))
  })

  it('sends a heartbeat while nothing changes', async () => {
    h = relaySetup({ relay: { events: { heartbeatMs: 5_000 } } })
    const stream = readEvents(await h.as('ann').get('/videos/events'))
    await stream.until(1)
    await h.advance(5_000)
    await stream.pump()
    expect(stream.raw()).toContain(': heartbeat')
    await stream.cancel()
  })

  it('resumes after Last-Event-ID with exactly the events missed', async () => {
    h = relaySetup()
    const { id } = await h.as('ann').create()
    await h.as('bob').create()
    const first = readEvents(await h.as('ann').get('/videos/events'))
    await h.advance(5_000)
    const seen = await first.until(3)
    const lastId = seen.at(-1)!.id as string
    await first.cancel()
    await h.advance(20_000)
    const missed = readEvents(
      await h.as('ann').get('/videos/events', { headers: { 'last-event-id': lastId } }),
    )
    await h.advance(0)
    const replay = await missed.until(2)
    expect(replay.some((event) => event.event === 'reset')).toBe(false)
    const videos = replay.filter((event) => event.event === 'video')
    expect(videos.length).toBeGreaterThan(0)
    expect(videos.every((event) => Number(event.id) > Number(lastId))).toBe(true)
    expect(videos.every((event) => JSON.parse(event.data).id === id)).toBe(true)
    // A new EventSource cannot set the header: the same resume through the query.
    const viaQuery = readEvents(await h.as('ann').get(`/videos/events?lastEventId=${lastId}`))
    expect((await viaQuery.until(1))[0]?.event).toBe('video')
    await missed.cancel()
    await viaQuery.cancel()
  })

  it('tells a stream whose id is too old, or from before a restart, to reset', async () => {
    h = relaySetup({ relay: { events: { bufferSize: 2 } } })
    const { id } = await h.as('ann').create()
    const first = readEvents(await h.as('ann').get('/videos/events'))
    const ready = (await first.until(2))[1]!
    await first.cancel()
    await h.advance(20_000)
    for (const lastId of [ready.id, '1', String(Number(ready.id) + 10_000_000), 'garbage']) {
      const stream = readEvents(
        await h.as('ann').get('/videos/events', { headers: { 'last-event-id': String(lastId) } }),
      )
      const events = await stream.until(3)
      expect(events[0]?.event).toBe('reset')
      expect(JSON.parse(events[1]!.data).id).toBe(id)
      expect(events[2]?.event).toBe('ready')
      await stream.cancel()
    }
  })

  it('drops a client that does not read instead of buffering without bound', async () => {
    h = relaySetup({ relay: { events: { maxQueuedBytes: 2_000 } } })
    for (let i = 0; i < 5; i++) await h.as('ann').create(`job ${i}`)
    const response = await h.as('ann').get('/videos/events')
    await h.advance(20_000)
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    await expect(reader.read()).rejects.toThrow(/too slowly/)
  })

  it('ends every stream when the relay closes', async () => {
    h = relaySetup()
    const stream = readEvents(await h.as('ann').get('/videos/events'))
    await stream.until(1)
    await h.relay.close()
    while (await stream.pump());
    expect(stream.parsed.at(-1)?.event).toBe('ready')
  })
})
