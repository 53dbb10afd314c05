import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import type { MockVideo } from './job-lifecycle'
import { createMockVideoApi, type MockVideoApi } from './mock-api'
import { listenNodeServer, type MockServer } from './node-server'
import { expectError, jsonInit } from '../test/test-support'

const servers: MockServer[] = []

async function start(api: MockVideoApi = createMockVideoApi({ clock: 'manual' })): Promise<MockServer> {
  const server = await api.listen(0)
  servers.push(server)
  return server
}

/** A server whose handler never answers, and the first request it receives. */
async function startHanging(): Promise<{ server: MockServer; received: Promise<Request> }> {
  let arrive: (request: Request) => void = () => undefined
  const received = new Promise<Request>((resolve) => (arrive = resolve))
  const server = await listenNodeServer(async (request) => {
    arrive(request)
    return new Promise<Response>(() => undefined)
  })
  servers.push(server)
  return { server, received }
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

describe('listen', () => {
  it('serves the API on 127.0.0.1 with a /v1 base URL', async () => {
    const api = createMockVideoApi({ clock: 'manual', queueMs: 0, renderMs: 0 })
    const server = await start(api)
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    const created = await fetch(`${server.url}/videos`, jsonInit({ prompt: 'over http' }))
    expect(created.status).toBe(200)
    const video = (await created.json()) as MockVideo
    expect(video.prompt).toBe('over http')
    expect(created.headers.get('x-request-id')).toBe('req_1')

    const content = await fetch(`${server.url}/videos/${video.id}/content?variant=thumbnail`)
    expect(content.headers.get('content-type')).toBe('image/webp')
    const bytes = new Uint8Array(await content.arrayBuffer())
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('RIFF')
    expect(api.count({ endpoint: 'content', id: video.id })).toBe(1)
  })

  it('streams multipart bodies through and keeps the error envelope', async () => {
    const server = await start()
    const form = new FormData()
    form.set('prompt', 'multipart over http')
    form.set('input_reference', new Blob([new Uint8Array(64)], { type: 'image/png' }), 'ref.png')
    const created = await fetch(`${server.url}/videos`, { method: 'POST', body: form })
    expect(await created.json()).toMatchObject({ prompt: 'multipart over http', status: 'queued' })
    await expectError(await fetch(`${server.url}/videos/unknown`), 404, { code: 'video_not_found' })
  })

  it('answers 413 for a body over maxBodyBytes', async () => {
    const server = await start(createMockVideoApi({ maxBodyBytes: 1_000 }))
    const response = await fetch(`${server.url}/videos`, jsonInit({ prompt: 'x'.repeat(5_000) }))
    await expectError(response, 413, { code: 'request_too_large' })
  })

  it('adds CORS headers that expose the headers vidjob reads', async () => {
    const api = createMockVideoApi()
    api.faults.next({ type: 'rate-limit', retryAfterMs: 1_000 })
    const server = await start(api)
    const response = await fetch(`${server.url}/videos`, { headers: { origin: 'http://localhost:5173' } })
    expect(response.status).toBe(429)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const exposed = response.headers.get('access-control-expose-headers')?.split(/,\s*/)
    expect(exposed).toEqual(
      expect.arrayContaining(['x-request-id', 'retry-after', 'retry-after-ms', 'openai-poll-after-ms']),
    )
  })

  it('answers OPTIONS preflights with 204, outside the request log', async () => {
    const api = createMockVideoApi()
    const server = await start(api)
    const preflight = await fetch(`${server.url}/videos`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type')
    const echoed = await fetch(`${server.url}/videos`, {
      method: 'OPTIONS',
      headers: { 'access-control-request-headers': 'authorization, x-stainless-os' },
    })
    expect(echoed.headers.get('access-control-allow-headers')).toBe('authorization, x-stainless-os')
    expect(api.count()).toBe(0)
  })

  it('destroys the socket for a drop fault, so a real fetch rejects', async () => {
    const api = createMockVideoApi()
    api.faults.next({ type: 'drop' })
    const server = await start(api)
    await expect(fetch(`${server.url}/videos`)).rejects.toThrow(TypeError)
    expect(api.log[0]?.status).toBe('dropped')
    expect((await fetch(`${server.url}/videos`)).status).toBe(200)
  })

  it('passes the Authorization header through, so apiKey works over HTTP', async () => {
    const server = await start(createMockVideoApi({ clock: 'manual', apiKey: 'sk-test' }))
    const withKey = { authorization: 'Bearer sk-test', 'content-type': 'application/json' }
    await expectError(await fetch(`${server.url}/videos`, jsonInit({ prompt: 'p' })), 401, {
      code: 'invalid_api_key',
    })
    const created = await fetch(`${server.url}/videos`, { ...jsonInit({ prompt: 'p' }), headers: withKey })
    expect(created.status).toBe(200)
    expect((await fetch(`${server.url}/videos`, { headers: withKey })).status).toBe(200)
  })

  it('aborts the request signal when the client goes away', async () => {
    const { server, received } = await startHanging()
    const controller = new AbortController()
    const attempt = fetch(`${server.url}/videos`, { signal: controller.signal })
    const request = await received
    expect(request.signal.aborted).toBe(false)
    controller.abort()
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError' })
    if (!request.signal.aborted) await once(request.signal, 'abort')
    expect(request.signal.aborted).toBe(true)
  })

  it('close() ends requests still in flight instead of waiting for them', async () => {
    const { server, received } = await startHanging()
    const attempt = fetch(`${server.url}/videos`)
    await received
    await server.close()
    await expect(attempt).rejects.toThrow(TypeError)
  })

  it('refuses a port that is taken', async () => {
    const server = await start()
    const port = Number(new URL(server.url).port)
    await expect(createMockVideoApi().listen(port)).rejects.toThrow(/EADDRINUSE/)
  })

  it('stops serving after close()', async () => {
    const server = await start()
    await server.close()
    await server.close()
    await expect(fetch(`${server.url}/videos`)).rejects.toThrow(TypeError)
  })
})

describe('fault control over HTTP', () => {
  it('is off unless asked for: /__mock is just an unknown route', async () => {
    const server = await start()
    const origin = new URL(server.url).origin
    expect((await fetch(`${origin}/__mock/faults`)).status).toBe(404)
  })

  it('with { control: true } steers the faults, refusing cross-site and non-JSON posts', async () => {
    const api = createMockVideoApi({ clock: 'manual' })
    const server = await api.listen(0, '127.0.0.1', { control: true })
    servers.push(server)
    const origin = new URL(server.url).origin
    const rule = JSON.stringify({ fault: { type: 'error', status: 503 }, times: 1 })
    const postRule = (headers: Record<string, string>) =>
      fetch(`${origin}/__mock/faults`, { method: 'POST', headers, body: rule })

    const crossSite = await postRule({ 'content-type': 'application/json', origin: 'https://evil.example' })
    expect(crossSite.status).toBe(403)
    expect(crossSite.headers.get('access-control-allow-origin')).toBeNull()
    expect((await postRule({ 'content-type': 'text/plain' })).status).toBe(415)
    expect(api.faults.rules).toEqual([])

    const own = await postRule({ 'content-type': 'application/json', origin })
    expect(own.status).toBe(201)
    expect(own.headers.get('access-control-allow-origin')).toBe(origin)
    expect((await fetch(`${server.url}/videos`)).status).toBe(503)
    expect(api.count()).toBe(1)
  })
})
