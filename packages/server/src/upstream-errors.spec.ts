import { afterEach, describe, expect, it } from 'vitest'
import { relaySetup } from '../test/relay-harness'

let h: ReturnType<typeof relaySetup>
afterEach(() => h.close())

describe('upstream failures, as the caller sees them', () => {
  it('answers 502 naming the upstream origin when it cannot be reached', async () => {
    h = relaySetup()
    h.api.faults.next({ type: 'drop' }, { endpoint: 'create' })
    const response = await h.as('ann').post('/videos', { prompt: 'x' })
    expect(response.status).toBe(502)
    const { error } = await response.json()
    expect(error.type).toBe('upstream_unreachable')
    expect(error.message).toContain('cannot reach the Videos API at http://upstream.local')
  })

  it('answers 501 when the upstream lacks the route, and the video stays', async () => {
    h = relaySetup({ mock: { profile: 'litellm' } })
    const { id } = await h.as('ann').create()
    const response = await h.as('ann').delete(`/videos/${id}`)
    expect(response.status).toBe(501)
    const { error } = await response.json()
    expect(error).toMatchObject({ type: 'not_implemented', code: 'unsupported_delete' })
    expect((await h.as('ann').get(`/videos/${id}`)).status).toBe(200)
    // Again: refused by the relay's client, known now, without asking the upstream a second time.
    expect((await h.as('ann').delete(`/videos/${id}`)).status).toBe(501)
    expect(h.upstreamCalls('delete')).toBe(1)
  })

  it('names the origin given as upstreamOrigin', async () => {
    h = relaySetup({ relay: { upstreamOrigin: 'https://videos.internal' } })
    h.api.faults.next({ type: 'drop' }, { endpoint: 'create' })
    const { error } = await (await h.as('ann').post('/videos', { prompt: 'x' })).json()
    expect(error.message).toContain('cannot reach the Videos API at https://videos.internal')
  })

  it('answers 504 when the upstream does not answer in time', async () => {
    h = relaySetup()
    h.api.faults.next({ type: 'latency', ms: 120_000 }, { endpoint: 'create' })
    const pending = h.as('ann').post('/videos', { prompt: 'x' })
    await h.advance(61_000)
    const response = await pending
    expect(response.status).toBe(504)
    expect((await response.json()).error.type).toBe('upstream_timeout')
  })

  it("passes a 429 on with the upstream's Retry-After, and its client pauses instead of storming", async () => {
    h = relaySetup()
    const { id } = await h.as('ann').create()
    h.api.faults.next({ type: 'rate-limit', retryAfterMs: 7_000 }, { endpoint: 'create' })
    const response = await h.as('ann').post('/videos', { prompt: 'x' })
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('7')
    const polls = h.upstreamCalls('retrieve') + h.upstreamCalls('list')
    await h.advance(6_900)
    expect(h.upstreamCalls('retrieve') + h.upstreamCalls('list')).toBe(polls)
    await h.advance(30_000)
    expect(h.upstreamCalls('retrieve') + h.upstreamCalls('list')).toBeGreaterThan(polls)
    expect((await (await h.as('ann').get(`/videos/${id}`)).json()).status).toBe('completed')
  })

  it("answers 502 when the upstream refuses the relay's own key, never a 401 the browser would misread", async () => {
    h = relaySetup()
    h.api.faults.next({ type: 'error', status: 401, message: 'Incorrect API key' }, { endpoint: 'create' })
    const response = await h.as('ann').post('/videos', { prompt: 'x' })
    expect(response.status).toBe(502)
    expect((await response.json()).error.type).toBe('upstream_auth')
  })

  it('passes client errors on with their message, and 5xx as 502', async () => {
    h = relaySetup()
    h.api.faults.next(
      { type: 'error', status: 400, message: 'size is not supported' },
      { endpoint: 'create' },
    )
    const bad = await h.as('ann').post('/videos', { prompt: 'x' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.message).toBe('size is not supported')
    h.api.faults.next({ type: 'error', status: 500, message: 'boom' }, { endpoint: 'create' })
    expect((await h.as('ann').post('/videos', { prompt: 'x' })).status).toBe(502)
    h.api.faults.next({ type: 'schema' }, { endpoint: 'create' })
    const invalid = await h.as('ann').post('/videos', { prompt: 'x' })
    expect(invalid.status).toBe(502)
    expect((await invalid.json()).error.type).toBe('upstream_invalid_response')
  })

  it('answers 500 without details when the store fails, and reports the error', async () => {
    const reported: unknown[] = []
    h = relaySetup({ relay: { onError: (error) => reported.push(error) } })
    h.store.list = () => Promise.reject(new Error('disk full'))
    const response = await h.as('ann').get('/videos')
    expect(response.status).toBe(500)
    expect(await response.text()).not.toContain('disk full')
    expect(reported).toHaveLength(1)
  })
})
