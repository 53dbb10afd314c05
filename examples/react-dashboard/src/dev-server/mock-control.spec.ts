import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createMockVideoApi } from '@vidjob/mock-api'
import { afterEach, describe, expect, it } from 'vitest'
import { MOCK_CONTROL_PREFIX, mockControl } from './mock-control'

let server: Server | undefined

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

/** Serves the middleware on loopback like vite mounts it (prefix stripped), 404 for anything it passes on. */
async function serve() {
  const api = createMockVideoApi()
  const control = mockControl(api.faults)
  server = createServer((req, res) => {
    if (!req.url?.startsWith(MOCK_CONTROL_PREFIX)) return void res.writeHead(404).end()
    req.url = req.url.slice(MOCK_CONTROL_PREFIX.length)
    control(req, res, () => res.writeHead(404).end())
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const call = (method: string, path: string, body?: string) =>
    fetch(`http://127.0.0.1:${port}${MOCK_CONTROL_PREFIX}${path}`, { method, ...(body ? { body } : {}) })
  return { api, call }
}

describe('mockControl', () => {
  it('adds a fault rule from JSON, lists it, and clears every rule', async () => {
    const { api, call } = await serve()
    const rule = { fault: { type: 'error', status: 500 }, endpoint: 'delete', times: 1 }

    const added = await call('POST', '/faults', JSON.stringify(rule))
    expect(added.status).toBe(201)
    expect(api.faults.rules).toEqual([rule])
    expect(await (await call('GET', '/faults')).json()).toEqual([rule])

    expect((await call('POST', '/clear-faults')).status).toBe(200)
    expect(api.faults.rules).toEqual([])
  })

  it('answers 400 with the reason for a rule the mock refuses or a body that is not JSON', async () => {
    const { api, call } = await serve()
    const refused = await call('POST', '/faults', JSON.stringify({ fault: { type: 'error', status: 200 } }))
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/status/)
    expect((await call('POST', '/faults', 'not json')).status).toBe(400)
    expect(api.faults.rules).toEqual([])
  })

  it('passes other paths on', async () => {
    const { call } = await serve()
    expect((await call('GET', '/elsewhere')).status).toBe(404)
  })
})
