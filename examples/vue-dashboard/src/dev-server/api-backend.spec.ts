import type { VideoList } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { API_PREFIX, startApiBackend } from './api-backend'

describe('startApiBackend', () => {
  it('forwards to a compatible server with the key added by the proxy, keeping its version prefix', async () => {
    const backend = await startApiBackend({ baseURL: 'https://videos.example.com/v1/', apiKey: 'sk-test' })
    const rule = backend.proxy[API_PREFIX]
    expect(rule).toMatchObject({
      target: 'https://videos.example.com/v1',
      changeOrigin: true,
      headers: { authorization: 'Bearer sk-test' },
    })
    expect(rule?.rewrite?.(`${API_PREFIX}/videos?limit=8`)).toBe('/videos?limit=8')
    expect(backend.mock).toBeUndefined()
    expect(backend.description).toContain('Authorization added server-side')
    await backend.close()
  })

  it('sends no Authorization header when no key is set', async () => {
    const backend = await startApiBackend({ baseURL: 'http://127.0.0.1:4010/v1' })
    expect(backend.proxy[API_PREFIX]?.headers).toBeUndefined()
    expect(backend.description).toContain('no API key set')
  })

  it('otherwise serves the embedded mock on loopback, seeded with a finished, a failed and a finished job', async () => {
    const backend = await startApiBackend()
    try {
      const target = String(backend.proxy[API_PREFIX]?.target)
      expect(target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
      const page = (await (await fetch(`${target}/videos`)).json()) as VideoList
      expect(page.data.map((video) => video.status).sort()).toEqual(['completed', 'completed', 'failed'])
      expect(backend.mock?.faults.rules).toEqual([])
    } finally {
      await backend.close()
    }
  })
})
