import { describe, expect, it } from 'vitest'
import { API_PREFIX, proxyRule, startUpstream } from './api-upstream'

describe('proxyRule', () => {
  it('maps the app path onto the upstream API root and adds the key server-side', () => {
    const rule = proxyRule('https://api.example.com/openai/v1/', 'sk-secret')
    expect(rule.target).toBe('https://api.example.com')
    expect(rule.changeOrigin).toBe(true)
    expect(rule.rewrite?.(`${API_PREFIX}/videos/video_1/content?variant=thumbnail`)).toBe(
      '/openai/v1/videos/video_1/content?variant=thumbnail',
    )
    expect(rule.headers).toEqual({ authorization: 'Bearer sk-secret' })
  })

  it('adds no Authorization header without a key', () => {
    expect(proxyRule('http://127.0.0.1:4010/v1', undefined).headers).toBeUndefined()
  })
})

describe('startUpstream', () => {
  it('starts the embedded mock on loopback, seeded with demo jobs, with its faults at hand', async () => {
    const upstream = await startUpstream({
      kind: 'mock',
      mock: { queueMs: 0, renderMs: 1_000 },
      seedDemoJobs: true,
    })
    try {
      expect(upstream.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
      const page = (await (await fetch(`${upstream.baseURL}/videos`)).json()) as {
        data: { status: string }[]
      }
      expect(page.data.map((video) => video.status).sort()).toEqual(['completed', 'completed', 'failed'])
      expect(upstream.faults?.rules).toEqual([])
    } finally {
      await upstream.close()
    }
  })

  it('starts nothing for a remote server and never prints the key', async () => {
    const upstream = await startUpstream({
      kind: 'remote',
      baseURL: 'https://api.example.com/v1',
      apiKey: 'sk-secret',
    })
    expect(upstream.baseURL).toBe('https://api.example.com/v1')
    expect(upstream.faults).toBeUndefined()
    expect(upstream.description).not.toContain('sk-secret')
    await upstream.close()
  })
})
