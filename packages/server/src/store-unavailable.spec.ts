import { afterEach, describe, expect, it } from 'vitest'
import { downableStore } from '../test/downable-store'
import { relaySetup } from '../test/relay-harness'
import { video } from '../test/videos'
import { StoreUnavailableError } from './store/ownership-store'

let h: ReturnType<typeof relaySetup>
afterEach(() => h.close())

describe('createVideoRelay: a store that is unavailable', () => {
  it('answers 503 with Retry-After, starts no job upstream, and serves again once the store is back', async () => {
    const flaky = downableStore()
    const reported: unknown[] = []
    h = relaySetup({ relay: { store: flaky.store, onError: (error) => reported.push(error) } })
    const ann = h.as('ann')
    const { id } = await ann.create()
    flaky.down = true
    const create = await ann.post('/videos', { prompt: 'while down' })
    expect(create.status).toBe(503)
    expect(create.headers.get('retry-after')).toBe('5')
    expect((await create.json()).error).toMatchObject({
      type: 'store_unavailable',
      message: "The relay's store is unavailable; try again shortly.",
    })
    expect(h.upstreamCalls('create')).toBe(1)
    expect((await ann.get('/videos')).status).toBe(503)
    // A job this relay polls is still served to its owner, from memory (issue 17: keep serving while the
    // store is down); anyone else learns nothing, not even that it exists.
    expect((await ann.get(`/videos/${id}`)).status).toBe(200)
    expect((await h.as('bob').get(`/videos/${id}`)).status).toBe(503)
    expect(reported[0]).toBeInstanceOf(StoreUnavailableError)
    flaky.down = false
    const list = (await (await ann.get('/videos')).json()) as { data: { id: string }[] }
    expect(list.data.map((v) => v.id)).toEqual([id])
  })

  it('recovers when the store was down as the relay started: the next request resumes its live jobs', async () => {
    const flaky = downableStore()
    await flaky.store.claim('ann', video('stored', { status: 'in_progress', progress: 10 }))
    flaky.down = true
    h = relaySetup({ relay: { store: flaky.store } })
    await expect(h.relay.ready).rejects.toBeInstanceOf(StoreUnavailableError)
    expect((await h.as('ann').get('/videos/stored')).status).toBe(503)
    flaky.down = false
    const stored = await h.as('ann').get('/videos/stored')
    expect(stored.status).toBe(200)
    // Resumed, so watched: the relay polls the job it holds (the mock knows no such id).
    await h.advance(10_000)
    expect(h.upstreamCalls('retrieve') + h.upstreamCalls('list')).toBeGreaterThan(0)
  })
})
