import { afterEach, describe, expect, it } from 'vitest'
import { KEY, relaySetup } from '../test/relay-harness'

let h: ReturnType<typeof relaySetup>
afterEach(() => h.close())

describe('createVideoRelay: users and their videos', () => {
  it('answers 401 without a user, before any upstream call', async () => {
    h = relaySetup()
    for (const response of [
      await h.as(undefined).get('/videos'),
      await h.as(undefined).post('/videos', { prompt: 'x' }),
      await h.as(undefined).get('/videos/events'),
    ])
      expect(response.status).toBe(401)
    expect(h.upstreamCalls()).toBe(0)
  })

  it("lists only the caller's own videos, in the API's cursor-paged shape", async () => {
    h = relaySetup()
    const ann = h.as('ann')
    const a1 = await ann.create('one')
    await h.advance(1_000)
    const a2 = await ann.create('two')
    const b1 = await h.as('bob').create('bob')
    const page = await (await ann.get('/videos?limit=1')).json()
    expect(page).toMatchObject({ object: 'list', first_id: a2.id, last_id: a2.id, has_more: true })
    expect(page.data.map((v: { id: string }) => v.id)).toEqual([a2.id])
    const next = await (await ann.get(`/videos?limit=1&after=${a2.id}`)).json()
    expect(next.data.map((v: { id: string }) => v.id)).toEqual([a1.id])
    expect(next.has_more).toBe(false)
    const asc = await (await ann.get('/videos?order=asc')).json()
    expect(asc.data.map((v: { id: string }) => v.id)).toEqual([a1.id, a2.id])
    const bobs = await (await h.as('bob').get('/videos')).json()
    expect(bobs.data.map((v: { id: string }) => v.id)).toEqual([b1.id])
  })

  it("never serves the org-wide upstream list: videos made elsewhere with the key are nobody's", async () => {
    h = relaySetup()
    const elsewhere = h.api.jobs.create({ prompt: 'made by a batch job' })
    const page = await (await h.as('ann').get('/videos')).json()
    expect(page.data).toEqual([])
    expect((await h.as('ann').get(`/videos/${elsewhere.id}`)).status).toBe(404)
  })

  it('refuses list queries outside the spec, and a cursor that is not one of yours', async () => {
    h = relaySetup()
    const b1 = await h.as('bob').create()
    for (const query of ['limit=101', 'limit=-1', 'limit=1.5', 'order=up', `after=${b1.id}`]) {
      const response = await h.as('ann').get(`/videos?${query}`)
      expect(response.status, query).toBe(400)
    }
  })

  it("keeps each user's list fresh from the relay's own polls", async () => {
    h = relaySetup()
    const { id } = await h.as('ann').create()
    await h.advance(30_000)
    const page = await (await h.as('ann').get('/videos')).json()
    expect(page.data[0]).toMatchObject({ id, status: 'completed', progress: 100 })
  })

  it('serves a video to its owner and 404 to everyone else, on every route', async () => {
    h = relaySetup()
    const { id } = await h.as('ann').create()
    await h.advance(30_000)
    expect((await h.as('ann').get(`/videos/${id}`)).status).toBe(200)
    const before = h.upstreamCalls()
    const bob = h.as('bob')
    const answers = [
      await bob.get(`/videos/${id}`),
      await bob.delete(`/videos/${id}`),
      await bob.post(`/videos/${id}/remix`, { prompt: 'mine now' }),
      await bob.get(`/videos/${id}/content`),
      await bob.get(`/videos/${id}/content?variant=thumbnail`),
    ]
    for (const response of answers) {
      expect(response.status).toBe(404)
      expect((await response.json()).error.type).toBe('invalid_request_error')
    }
    expect(h.upstreamCalls()).toBe(before)
    expect(h.api.jobs.get(id)).toBeDefined()
  })

  it('deletes, remixes and serves content for the owner', async () => {
    h = relaySetup()
    const ann = h.as('ann')
    const { id } = await ann.create()
    await h.advance(30_000)
    const content = await ann.get(`/videos/${id}/content`)
    expect(content.status).toBe(200)
    expect(content.headers.get('content-type')).toBe('video/mp4')
    expect((await content.arrayBuffer()).byteLength).toBeGreaterThan(1000)
    const remix = await ann.post(`/videos/${id}/remix`, { prompt: 'at night' })
    expect(remix.status).toBe(200)
    const remixed = await remix.json()
    expect(remixed.remixed_from_video_id).toBe(id)
    expect((await ann.get(`/videos/${remixed.id}`)).status).toBe(200)
    const deleted = await ann.delete(`/videos/${id}`)
    expect(await deleted.json()).toEqual({ id, object: 'video.deleted', deleted: true })
    expect((await ann.get(`/videos/${id}`)).status).toBe(404)
    const list = await (await ann.get('/videos')).json()
    expect(list.data.map((v: { id: string }) => v.id)).toEqual([remixed.id])
  })

  it('answers retrieves from its own poll: many viewers cost the upstream one poll per interval', async () => {
    h = relaySetup()
    const { id } = await h.as('ann').create()
    const before = h.upstreamCalls('retrieve') + h.upstreamCalls('list')
    for (let i = 0; i < 50; i++) expect((await h.as('ann').get(`/videos/${id}`)).status).toBe(200)
    expect(h.upstreamCalls('retrieve') + h.upstreamCalls('list')).toBe(before)
  })

  it('watches a live video another writer put in the store, once it is read', async () => {
    h = relaySetup()
    const made = h.api.jobs.create({ prompt: 'claimed by an import job' })
    const wire = await (
      await h.api.fetch(`http://upstream.local/v1/videos/${made.id}`, {
        headers: { authorization: `Bearer ${KEY}` },
      })
    ).json()
    await h.store.claim('ann', wire)
    expect((await (await h.as('ann').get('/videos')).json()).data[0].status).toBe('queued')
    await h.advance(30_000)
    expect((await (await h.as('ann').get(`/videos/${made.id}`)).json()).status).toBe('completed')
  })

  it('refuses bad params before sending them', async () => {
    h = relaySetup()
    const ann = h.as('ann')
    expect((await ann.post('/videos', { prompt: '' })).status).toBe(400)
    expect((await ann.post('/videos', ['x'])).status).toBe(400)
    expect((await ann.post('/videos', { prompt: 'x', seconds: 4 })).status).toBe(400)
    expect(h.upstreamCalls('create')).toBe(0)
  })
})

describe('createVideoRelay: per-user limits', () => {
  it('caps live jobs per user with 429 and Retry-After, other users unaffected', async () => {
    h = relaySetup({ relay: { limits: { liveJobsPerUser: 2, createsPerMinute: 100 } } })
    await h.as('ann').create()
    await h.as('ann').create()
    const third = await h.as('ann').post('/videos', { prompt: 'third' })
    expect(third.status).toBe(429)
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await h.as('bob').post('/videos', { prompt: 'bob' })).status).toBe(200)
    await h.advance(30_000)
    expect((await h.as('ann').post('/videos', { prompt: 'after' })).status).toBe(200)
  })

  it('caps creates per minute with the wait until one leaves the window', async () => {
    h = relaySetup({ relay: { limits: { createsPerMinute: 2 } } })
    await h.as('ann').create()
    await h.advance(20_000)
    await h.as('ann').create()
    const third = await h.as('ann').post('/videos', { prompt: 'third' })
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).toBe('40')
    await h.advance(40_000)
    expect((await h.as('ann').post('/videos', { prompt: 'later' })).status).toBe(200)
  })

  it('refuses a prompt over the size limit, and a body over the byte limit', async () => {
    h = relaySetup({ relay: { limits: { maxPromptChars: 10, maxBodyBytes: 200 } } })
    const long = await h.as('ann').post('/videos', { prompt: 'x'.repeat(11) })
    expect(long.status).toBe(400)
    expect((await long.json()).error.param).toBe('prompt')
    expect((await h.as('ann').post('/videos', { prompt: 'ok', pad: 'x'.repeat(300) })).status).toBe(413)
    expect(h.upstreamCalls('create')).toBe(0)
  })
})
