import { afterEach, describe, expect, it, vi } from 'vitest'
import { BASE, KEY, ORIGIN, relaySetup } from '../test/relay-harness'

let h: ReturnType<typeof relaySetup>
afterEach(() => h.close())

const EVIL = 'https://evil.example'

describe('the relay is no open proxy', () => {
  it('answers 404 for every path and method it does not serve, before any upstream call', async () => {
    h = relaySetup()
    const { id } = await h.as('ann').create()
    const before = h.upstreamCalls()
    const attempts: [string, string][] = [
      ['POST', '/chat/completions'],
      ['GET', '/organization/admin_api_keys'],
      ['GET', '/models'],
      ['GET', '/files'],
      ['GET', '/'],
      ['GET', ''],
      ['PUT', '/videos'],
      ['PATCH', `/videos/${id}`],
      ['POST', `/videos/${id}`],
      ['GET', `/videos/${id}/remix`],
      ['DELETE', `/videos/${id}/content`],
      ['GET', `/videos/${id}/content/extra`],
      ['GET', `/videos/${id}/admin`],
      ['HEAD', `/videos/${id}`],
      ['POST', '/videos/events'],
      ['GET', '/videos/events/extra'],
      ['POST', '/webhooks'],
    ]
    for (const [method, path] of attempts) {
      const response = await h.relay.handle(
        new Request(`${BASE}${path}`, {
          method,
          headers: { 'x-user': 'ann', 'content-type': 'application/json' },
        }),
      )
      expect(response.status, `${method} ${path}`).toBe(404)
    }
    for (const path of ['/v1/chat/completions', '/api/videos/v1x/videos', '/api/videos/videos'])
      expect(
        (await h.relay.handle(new Request(`${ORIGIN}${path}`, { headers: { 'x-user': 'ann' } }))).status,
      ).toBe(404)
    expect(h.upstreamCalls()).toBe(before)
  })

  it('refuses dot-segments, encoded slashes and dots, backslashes and doubled slashes', async () => {
    h = relaySetup()
    const { id } = await h.as('ann').create()
    const before = h.upstreamCalls()
    for (const path of [
      `/videos/${id}%2F..%2F..%2Fchat%2Fcompletions`,
      `/videos/a%2fb`,
      `/videos/${id}%5C..`,
      `//videos`,
      `/videos//${id}`,
      `/videos/%E0%A4%A`,
    ]) {
      const response = await h.as('ann').get(path)
      expect(response.status, path).toBe(400)
    }
    // A Request's URL resolves `..` and `%2e%2e` itself: what it resolves to is then no route of the relay.
    for (const path of [
      `/videos/${id}/../../../../v1/organization/admin_api_keys`,
      '/videos/%2e%2e/%2e%2e/models',
    ])
      expect((await h.as('ann').get(path)).status, path).toBe(404)
    expect(h.upstreamCalls()).toBe(before)
  })
})

describe('browser safety', () => {
  it('refuses requests from other origins, simple or not, with no CORS header', async () => {
    h = relaySetup()
    const { id } = await h.as('ann').create()
    const before = h.upstreamCalls()
    const form = new FormData()
    form.set('prompt', 'a cross-site form')
    const attempts: RequestInit[] = [
      { method: 'GET' },
      { method: 'POST', body: form },
      { method: 'POST', body: '{"prompt":"x"}', headers: { 'content-type': 'text/plain' } },
      { method: 'POST', body: 'prompt=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'POST', body: '{"prompt":"x"}', headers: { 'content-type': 'application/json' } },
    ]
    for (const init of attempts) {
      const headers = new Headers(init.headers)
      headers.set('origin', EVIL)
      headers.set('x-user', 'ann')
      const response = await h.relay.handle(new Request(`${BASE}/videos`, { ...init, headers }))
      expect(response.status, `${init.method} ${headers.get('content-type')}`).toBe(403)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
    }
    const del = await h.relay.handle(
      new Request(`${BASE}/videos/${id}`, { method: 'DELETE', headers: { origin: EVIL, 'x-user': 'ann' } }),
    )
    expect(del.status).toBe(403)
    expect(h.upstreamCalls()).toBe(before)
    expect(h.api.jobs.get(id)).toBeDefined()
  })

  it('refuses a simple state-changing request that carries no Origin, unless it is non-simple', async () => {
    h = relaySetup()
    const send = (headers: Record<string, string>, body: BodyInit) =>
      h.relay.handle(
        new Request(`${BASE}/videos`, { method: 'POST', headers: { 'x-user': 'ann', ...headers }, body }),
      )
    const form = new FormData()
    form.set('prompt', 'a form')
    expect((await send({}, form)).status).toBe(403)
    expect((await send({ 'content-type': 'text/plain' }, '{"prompt":"x"}')).status).toBe(403)
    expect(
      (await send({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, '{"prompt":"x"}'))
        .status,
    ).toBe(403)
    expect(h.upstreamCalls('create')).toBe(0)
    expect((await send({ 'x-requested-with': 'fetch' }, form)).status).toBe(200)
    expect((await send({ 'content-type': 'application/json' }, '{"prompt":"x"}')).status).toBe(200)
    expect((await send({ origin: ORIGIN }, form)).status).toBe(200)
  })

  it('answers CORS itself for allowedOrigins, and never passes the upstream CORS headers on', async () => {
    const app = 'https://app.example'
    h = relaySetup({ relay: { allowedOrigins: [app] } })
    const { id } = await h.as('ann').create()
    await h.advance(30_000)
    const preflight = await h.relay.handle(
      new Request(`${BASE}/videos/${id}`, {
        method: 'OPTIONS',
        headers: { origin: app, 'access-control-request-method': 'DELETE' },
      }),
    )
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(app)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE')
    const evilPreflight = await h.relay.handle(
      new Request(`${BASE}/videos`, { method: 'OPTIONS', headers: { origin: EVIL } }),
    )
    expect(evilPreflight.status).toBe(403)
    for (const path of [`/videos/${id}`, `/videos/${id}/content`, '/videos']) {
      const response = await h.as('ann').get(path, { headers: { origin: app } })
      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBe(app)
      expect(response.headers.get('access-control-allow-credentials')).toBe('true')
      await response.body?.cancel()
    }
    for (const path of [`/videos/${id}`, `/videos/${id}/content`]) {
      const same = await h.as('ann').get(path)
      expect(same.headers.get('access-control-allow-origin')).toBeNull()
      await same.body?.cancel()
    }
  })
})

describe('the key', () => {
  it('never appears in any answer, header or log, whatever the upstream says', async () => {
    const logs: unknown[] = []
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, level).mockImplementation((...args) => void logs.push(args))
    const reported: unknown[] = []
    h = relaySetup({ relay: { onError: (error) => reported.push(error) } })
    const ann = h.as('ann')
    const answers: Response[] = []
    const { id } = await ann.create()
    answers.push(await ann.get('/videos'), await ann.get(`/videos/${id}`))
    h.api.faults.next(
      { type: 'error', status: 500, message: `upstream exploded with ${KEY}` },
      { endpoint: 'create' },
    )
    answers.push(await ann.post('/videos', { prompt: 'x' }))
    h.api.faults.next(
      { type: 'error', status: 400, message: `bad request for Bearer ${KEY}` },
      { endpoint: 'create' },
    )
    answers.push(await ann.post('/videos', { prompt: 'y' }))
    h.api.faults.next(
      { type: 'error', status: 401, message: `Incorrect API key provided: ${KEY}` },
      { endpoint: 'remix' },
    )
    answers.push(await ann.post(`/videos/${id}/remix`, { prompt: 'z' }))
    h.api.faults.next({ type: 'rate-limit', retryAfterMs: 3_000 }, { endpoint: 'delete' })
    answers.push(await ann.delete(`/videos/${id}`))
    // The relay's client pauses for the Retry-After: nothing goes upstream before it ends.
    await h.advance(3_000)
    h.api.faults.next({ type: 'drop' }, { endpoint: 'content' })
    answers.push(await ann.get(`/videos/${id}/content`))
    h.api.faults.next({ type: 'malformed' }, { endpoint: 'create' })
    answers.push(await ann.post('/videos', { prompt: 'w' }))
    h.api.faults.add({ fault: { type: 'error', status: 503, message: KEY }, endpoint: 'retrieve' })
    await h.advance(10_000)
    answers.push(await ann.get(`/videos/${id}`), await ann.get('/videos'))
    expect(answers.map((r) => r.status)).toEqual([200, 200, 502, 400, 502, 429, 502, 502, 200, 200])
    for (const response of answers) {
      expect(await response.text()).not.toContain(KEY)
      response.headers.forEach((value) => expect(value).not.toContain(KEY))
    }
    expect(JSON.stringify(logs)).not.toContain(KEY)
    expect(logs).toEqual([])
    for (const error of reported) expect(JSON.stringify(error) + String(error)).not.toContain(KEY)
  })
})
