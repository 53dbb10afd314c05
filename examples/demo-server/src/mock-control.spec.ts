import { createMockVideoApi } from '@vidjob/mock-api'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { MOCK_CONTROL_PREFIX, mockControl } from './mock-control'

let server: Server | undefined

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
})

/** Serves `mockControl` on loopback as Vite's connect stack mounts it (prefix stripped, `next` = 404). */
async function serve() {
  const api = createMockVideoApi({ clock: 'manual' })
  const handle = mockControl(api.faults)
  server = createServer((req, res) => {
    if (!req.url?.startsWith(MOCK_CONTROL_PREFIX)) return void res.writeHead(404).end()
    req.url = req.url.slice(MOCK_CONTROL_PREFIX.length)
    handle(req, res, () => res.writeHead(404).end())
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const call = (method: string, path: string, body?: string) =>
    fetch(`http://127.0.0.1:${port}${MOCK_CONTROL_PREFIX}${path}`, { method, ...(body ? { body } : {}) })
  return { api, call }
}

describe('mockControl', () => {
  it('adds a fault rule that the mock then applies, and lists it', async () => {
    const { api, call } = await serve()
    const { id } = api.jobs.create({ prompt: 'A lighthouse at dusk' })
    const rule = { fault: { type: 'error', status: 500 }, endpoint: 'delete', times: 1 }

    const added = await call('POST', '/faults', JSON.stringify(rule))
    expect(added.status).toBe(201)
    expect(await (await call('GET', '/faults')).json()).toEqual([rule])

    const refused = await api.fetch(`http://mock.local/v1/videos/${id}`, { method: 'DELETE' })
    expect(refused.status).toBe(500)
    expect(api.faults.rules).toEqual([])
  })

  it('answers 400 with the reason for a rule the mock refuses or a body that is not JSON', async () => {
    const { api, call } = await serve()
    const refused = await call('POST', '/faults', JSON.stringify({ fault: { type: 'error', status: 200 } }))
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/status/)
    expect((await call('POST', '/faults', 'not json{')).status).toBe(400)
    expect(api.faults.rules).toEqual([])
  })

  it('clears every rule, and leaves other paths to the next handler', async () => {
    const { api, call } = await serve()
    api.faults.add({ fault: { type: 'drop' } })
    const cleared = await call('POST', '/clear-faults')
    expect(cleared.status).toBe(200)
    expect(await cleared.json()).toEqual({ cleared: true })
    expect(api.faults.rules).toEqual([])
    expect((await call('GET', '/elsewhere')).status).toBe(404)
  })
})
