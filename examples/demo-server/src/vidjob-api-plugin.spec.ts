import { EventEmitter } from 'node:events'
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ConfigEnv, Connect, Plugin, PreviewServer, UserConfig } from 'vite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { API_PREFIX } from './api-prefix'
import { MOCK_CONTROL_PREFIX } from './mock-control'
import { vidjobApi } from './vidjob-api-plugin'

const serve: ConfigEnv = { command: 'serve', mode: 'development' }
const memory = { storePath: ':memory:', adopt: true }

afterEach(() => {
  vi.unstubAllEnvs()
})

async function configOf(plugin: Plugin, env: ConfigEnv, userConfig: UserConfig = {}) {
  const hook = plugin.config
  const handler = typeof hook === 'function' ? hook : hook?.handler
  return (await handler?.call({} as never, userConfig, env)) ?? undefined
}

/** The parts of a Vite server the plugin touches; `mounted` are its middlewares by path. */
function fakeServer() {
  const httpServer = new EventEmitter()
  const mounted: [string | undefined, Connect.NextHandleFunction][] = []
  const use = vi.fn((path: string | Connect.NextHandleFunction, handler?: Connect.NextHandleFunction) =>
    typeof path === 'function' ? mounted.push([undefined, path]) : mounted.push([path, handler!]),
  )
  const server = { middlewares: { use }, httpServer, config: { logger: { info: vi.fn() } } }
  return { server, asPreview: server as unknown as PreviewServer, httpServer, mounted }
}

async function attached(plugin: Plugin) {
  const fake = fakeServer()
  const hook = plugin.configurePreviewServer
  const attach = typeof hook === 'function' ? hook : hook?.handler
  await attach?.call({} as never, fake.asPreview)
  return fake
}

/** Serves the mounted middlewares as connect would (a path prefix is stripped from req.url). */
async function listen(mounted: [string | undefined, Connect.NextHandleFunction][]) {
  const handler: RequestListener = (req, res) => {
    const url = req.url ?? '/'
    const entry = mounted.find(([path]) => path === undefined || url.startsWith(path))
    if (!entry) return void res.writeHead(404).end()
    const [path, middleware] = entry
    Object.assign(req, { originalUrl: url, url: path ? url.slice(path.length) || '/' : url })
    middleware(req as Connect.IncomingMessage, res, () => res.writeHead(404).end())
  }
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) }
}

describe('vidjobApi', () => {
  it('leaves a production build alone', async () => {
    const plugin = vidjobApi({ kind: 'mock', mock: {}, seedDemoJobs: false, relay: memory })
    expect(await configOf(plugin, { command: 'build', mode: 'production' })).toBeUndefined()
  })

  it('hosts the relay in front of the mock: sign-in, users isolated, the fault endpoints, stopped with the server', async () => {
    const plugin = vidjobApi({ kind: 'mock', mock: {}, seedDemoJobs: true, relay: memory })
    await configOf(plugin, serve)
    const { mounted, server, httpServer } = await attached(plugin)
    expect(mounted.map(([path]) => path)).toEqual([MOCK_CONTROL_PREFIX, API_PREFIX, undefined])
    expect(server.config.logger.info).toHaveBeenCalledWith(expect.stringContaining('through the relay'))
    const app = await listen(mounted)
    try {
      expect((await fetch(`${app.url}${API_PREFIX}/videos`)).status).toBe(401)
      const first = await fetch(`${app.url}/`, { redirect: 'manual' })
      expect(first.headers.get('location')).toBe('/__demo/sign-in')
      const signIn = await fetch(`${app.url}/__demo/sign-in?user=ann`, { redirect: 'manual' })
      const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? ''
      expect(cookie).toBe('vidjob_demo_user=ann')
      const ann = (await (await fetch(`${app.url}${API_PREFIX}/videos`, { headers: { cookie } })).json()) as {
        data: unknown[]
      }
      expect(ann.data).toHaveLength(3)
      const bob = (await (
        await fetch(`${app.url}${API_PREFIX}/videos`, { headers: { cookie: 'vidjob_demo_user=bob' } })
      ).json()) as { data: unknown[] }
      expect(bob.data).toEqual([])
      expect((await fetch(`${app.url}${MOCK_CONTROL_PREFIX}/faults`)).status).toBe(200)
    } finally {
      await app.close()
      httpServer.emit('close')
    }
  })

  it('mounts no fault endpoints in front of a real server, and reads it from the environment', async () => {
    vi.stubEnv('VIDJOB_BASE_URL', 'http://127.0.0.1:9/v1')
    vi.stubEnv('VIDJOB_RELAY_DB', ':memory:')
    const plugin = vidjobApi()
    await configOf(plugin, serve, { envDir: false })
    const { mounted, httpServer } = await attached(plugin)
    expect(mounted.map(([path]) => path)).toEqual([API_PREFIX, undefined])
    const app = await listen(mounted)
    try {
      const answer = await fetch(`${app.url}${API_PREFIX}/videos`, {
        method: 'POST',
        headers: { cookie: 'vidjob_demo_user=ann', 'content-type': 'application/json' },
        body: '{"prompt":"unreachable"}',
      })
      expect(answer.status).toBe(502)
      const { error } = (await answer.json()) as { error: { message: string; type: string } }
      expect(error.type).toBe('upstream_unreachable')
      expect(error.message).toMatch(/^The server cannot reach the Videos API at http:\/\/127\.0\.0\.1:9/)
    } finally {
      await app.close()
      httpServer.emit('close')
    }
  })
})
