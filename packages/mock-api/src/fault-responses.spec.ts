import { describe, expect, it } from 'vitest'
import { ConnectionDroppedError, faultResponse } from './fault-responses'

describe('faultResponse', () => {
  it('answers an error fault with the envelope', async () => {
    const response = faultResponse(
      { type: 'error', status: 503, code: 'overloaded', message: 'busy' },
      'list',
    )
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({
      error: { message: 'busy', type: 'server_error', param: null, code: 'overloaded' },
    })
  })

  it('sets both retry headers by default, rounding seconds up', () => {
    const response = faultResponse({ type: 'rate-limit', retryAfterMs: 1_500 }, 'retrieve')
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('2')
    expect(response.headers.get('retry-after-ms')).toBe('1500')
  })

  it('sets only the retry header asked for', () => {
    const seconds = faultResponse({ type: 'rate-limit', retryAfterMs: 3_000, header: 'retry-after' }, 'list')
    expect([seconds.headers.get('retry-after'), seconds.headers.get('retry-after-ms')]).toEqual(['3', null])
    const ms = faultResponse({ type: 'rate-limit', retryAfterMs: 3_000, header: 'retry-after-ms' }, 'list')
    expect([ms.headers.get('retry-after'), ms.headers.get('retry-after-ms')]).toEqual([null, '3000'])
  })

  it('throws a fetch-like TypeError for a dropped connection', () => {
    const drop = () => faultResponse({ type: 'drop' }, 'list')
    expect(drop).toThrow(ConnectionDroppedError)
    expect(drop).toThrow(TypeError)
    expect(drop).toThrow('fetch failed')
  })

  it('answers 200 JSON that does not parse for malformed', async () => {
    const response = faultResponse({ type: 'malformed' }, 'retrieve')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    await expect(response.json()).rejects.toThrow(SyntaxError)
  })

  it('answers valid JSON that breaks the video or list shape for schema', async () => {
    const video = await faultResponse({ type: 'schema' }, 'retrieve').json()
    expect(video).toMatchObject({ status: 'rendering', progress: 250 })
    expect(video).not.toHaveProperty('id')
    const list = await faultResponse({ type: 'schema' }, 'list').json()
    expect(list).toMatchObject({ object: 'list', has_more: 'maybe', data: [{ status: 'rendering' }] })
  })
})
