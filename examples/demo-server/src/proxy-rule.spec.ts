import { describe, expect, it } from 'vitest'
import { API_PREFIX, proxyRule } from './proxy-rule'

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

  it('forwards to a server at its origin root, query kept', () => {
    const rule = proxyRule('http://127.0.0.1:4010', undefined)
    expect(rule.target).toBe('http://127.0.0.1:4010')
    expect(rule.rewrite?.(`${API_PREFIX}/videos?limit=8`)).toBe('/videos?limit=8')
  })

  it('adds no Authorization header without a key', () => {
    expect(proxyRule('http://127.0.0.1:4010/v1', undefined).headers).toBeUndefined()
  })
})
