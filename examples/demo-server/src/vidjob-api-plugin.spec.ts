import { EventEmitter } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ConfigEnv, Plugin, PreviewServer, ProxyOptions, UserConfig } from 'vite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MOCK_CONTROL_PREFIX } from './mock-control'
import { API_PREFIX } from './proxy-rule'
import { vidjobApi } from './vidjob-api-plugin'

const remote = { kind: 'remote', baseURL: 'https://api.example.com/v1', apiKey: 'sk-secret' } as const
const serve: ConfigEnv = { command: 'serve', mode: 'development' }

afterEach(() => {
  vi.unstubAllEnvs()
})

async function configOf(plugin: Plugin, env: ConfigEnv, userConfig: UserConfig = {}) {
  const hook = plugin.config
  const handler = typeof hook === 'function' ? hook : hook?.handler
  return (await handler?.call({} as never, userConfig, env)) ?? undefined
}

/** The dev server's proxy rule for the API path. */
function apiRule(config: UserConfig | undefined): ProxyOptions {
  const rule = config?.server?.proxy?.[API_PREFIX]
  if (typeof rule !== 'object') throw new Error(`No proxy rule for ${API_PREFIX}.`)
  return rule
}

/** The parts of a Vite server the plugin touches. */
function fakeServer() {
  const httpServer = new EventEmitter()
  const server = { middlewares: { use: vi.fn() }, httpServer, config: { logger: { info: vi.fn() } } }
  return { server, asPreview: server as unknown as PreviewServer, httpServer }
}

describe('vidjobApi', () => {
  it('proxies the API path in dev and preview', async () => {
    const config = await configOf(vidjobApi(remote), serve)
    expect(Object.keys(config?.server?.proxy ?? {})).toEqual([API_PREFIX])
    expect(config?.preview?.proxy).toEqual(config?.server?.proxy)
    expect(apiRule(config)).toMatchObject({
      target: 'https://api.example.com',
      headers: { authorization: 'Bearer sk-secret' },
    })
  })

  it('leaves a production build alone', async () => {
    expect(await configOf(vidjobApi(remote), { command: 'build', mode: 'production' })).toBeUndefined()
  })

  it('reads the upstream from the environment when given no config', async () => {
    vi.stubEnv('VIDJOB_BASE_URL', 'https://env.example.com/v1')
    vi.stubEnv('OPENAI_API_KEY', 'sk-env')
    const config = await configOf(vidjobApi(), serve, { envDir: false })
    expect(apiRule(config)).toMatchObject({
      target: 'https://env.example.com',
      headers: { authorization: 'Bearer sk-env' },
    })
  })

  it('reads the .env files of the app root, as Vite does', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vidjob-demo-server-'))
    try {
      await writeFile(join(root, '.env'), 'VIDJOB_BASE_URL=https://dotenv.example.com/v1\n')
      const config = await configOf(vidjobApi(), serve, { root })
      expect(apiRule(config)).toMatchObject({ target: 'https://dotenv.example.com' })
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it('mounts the fault endpoints next to the mock and stops the mock with the server', async () => {
    const plugin = vidjobApi({ kind: 'mock', mock: {}, seedDemoJobs: false })
    const config = await configOf(plugin, serve)
    const target = String(apiRule(config).target)
    const { server, asPreview, httpServer } = fakeServer()
    const hook = plugin.configurePreviewServer
    const attach = typeof hook === 'function' ? hook : hook?.handler
    await attach?.call({} as never, asPreview)

    expect(server.middlewares.use).toHaveBeenCalledWith(MOCK_CONTROL_PREFIX, expect.any(Function))
    expect(server.config.logger.info).toHaveBeenCalledWith(expect.stringContaining('embedded mock API'))
    expect((await fetch(`${target}/v1/videos`)).status).toBe(200)
    httpServer.emit('close')
    await vi.waitFor(() => expect(fetch(`${target}/v1/videos`)).rejects.toThrow())
  })

  it('mounts no fault endpoints in front of a real server', async () => {
    const plugin = vidjobApi(remote)
    await configOf(plugin, serve)
    const { server, asPreview } = fakeServer()
    const hook = plugin.configureServer
    const attach = typeof hook === 'function' ? hook : hook?.handler
    await attach?.call({} as never, asPreview as never)
    expect(server.middlewares.use).not.toHaveBeenCalled()
  })
})
