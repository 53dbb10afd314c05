import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFetchTransport } from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { afterEach, describe, expect, it } from 'vitest'
import { toNodeHandler } from './node-handler'
import { createVideoRelay } from './relay'
import { createMemoryStore } from './store/memory-store'

let server: Server | undefined
let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  await close?.()
})

async function start() {
  const api = createMockVideoApi({ queueMs: 0, renderMs: 400, pollAfterMs: 50 })
  const relay = createVideoRelay({
    upstream: createFetchTransport({ baseURL: 'http://upstream.local/v1', fetch: api.fetch }),
    store: createMemoryStore(),
    authenticate: (request) =>
      request.headers.get('x-user') ? { id: request.headers.get('x-user')! } : null,
    polling: { interval: 100 },
  })
  close = () => relay.close()
  server = createServer(toNodeHandler(relay))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { api, url: `http://127.0.0.1:${port}`, port }
}

/** A request with its path sent exactly as written (fetch would resolve its dot-segments first). */
function rawGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { 'x-user': 'ann' } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.once('error', reject)
    req.end()
  })
}

describe('toNodeHandler', () => {
  it('refuses raw dot-segments and doubled slashes before Node could resolve them', async () => {
    const { api, port } = await start()
    for (const path of [
      '/api/videos/v1/videos/../../../v1/organization/admin_api_keys',
      '/api/videos/v1/./videos',
      '/api/videos/v1//videos',
      '/api/videos/v1/videos/%2e%2e/%2e%2e/models',
    ])
      expect(await rawGet(port, path), path).toBe(400)
    expect(api.count()).toBe(0)
  })

  it('serves creates, lists and a live event stream over HTTP', async () => {
    const { url } = await start()
    const headers = { 'x-user': 'ann', 'content-type': 'application/json' }
    const created = await fetch(`${url}/api/videos/v1/videos`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ prompt: 'over the wire' }),
    })
    expect(created.status).toBe(200)
    const { id } = (await created.json()) as { id: string }
    const events = await fetch(`${url}/api/videos/v1/videos/events`, { headers })
    expect(events.headers.get('content-type')).toContain('text/event-stream')
    const reader = (events.body as ReadableStream<Uint8Array>).getReader()
    let text = ''
    while (!text.includes('"status":"completed"')) {
      const { value, done } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    expect(text).toContain(`"id":"${id}"`)
    expect(text).toContain('"status":"completed"')
    await reader.cancel()
    const list = (await (await fetch(`${url}/api/videos/v1/videos`, { headers })).json()) as {
      data: { id: string }[]
    }
    expect(list.data.map((video) => video.id)).toEqual([id])
  })
})
