import type { ConfigEnv, Plugin, UserConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import { API_PREFIX } from './api-upstream'
import { vidjobApi } from './vidjob-api-plugin'

const remote = { kind: 'remote', baseURL: 'https://api.example.com/v1', apiKey: 'sk-secret' } as const

async function configOf(plugin: Plugin, env: ConfigEnv): Promise<UserConfig | null | void> {
  const hook = plugin.config
  const handler = typeof hook === 'function' ? hook : hook?.handler
  return handler?.call({} as never, {}, env)
}

describe('vidjobApi', () => {
  it('proxies the API path in dev and preview', async () => {
    const config = await configOf(vidjobApi(remote), { command: 'serve', mode: 'development' })
    expect(Object.keys(config?.server?.proxy ?? {})).toEqual([API_PREFIX])
    expect(config?.preview?.proxy).toEqual(config?.server?.proxy)
  })

  it('leaves a production build alone', async () => {
    expect(await configOf(vidjobApi(remote), { command: 'build', mode: 'production' })).toBeUndefined()
  })
})
