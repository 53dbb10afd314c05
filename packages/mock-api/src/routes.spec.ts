import { describe, expect, it } from 'vitest'
import { resolveRoute, type MockRoute } from './routes'

describe('resolveRoute', () => {
  it('maps the six operations under any prefix', () => {
    const cases: [method: string, path: string, expected: MockRoute][] = [
      ['GET', '/v1/videos', { kind: 'endpoint', endpoint: 'list' }],
      ['post', '/api/openai/v1/videos', { kind: 'endpoint', endpoint: 'create' }],
      ['GET', '/videos/video_1', { kind: 'endpoint', endpoint: 'retrieve', id: 'video_1' }],
      ['DELETE', '/v1/videos/video_1', { kind: 'endpoint', endpoint: 'delete', id: 'video_1' }],
      ['GET', '/v1/videos/video_1/content', { kind: 'endpoint', endpoint: 'content', id: 'video_1' }],
      ['POST', '/v1/videos/video_1/remix', { kind: 'endpoint', endpoint: 'remix', id: 'video_1' }],
    ]
    for (const [method, path, expected] of cases) expect(resolveRoute(method, path)).toEqual(expected)
  })

  it('decodes the id as one segment, so an encoded slash stays inside it', () => {
    expect(resolveRoute('GET', '/v1/videos/a%2F..%2Fb')).toEqual({
      kind: 'endpoint',
      endpoint: 'retrieve',
      id: 'a/../b',
    })
    expect(resolveRoute('GET', '/v1/videos/a%2Fcontent/content')).toMatchObject({ id: 'a/content' })
  })

  it('reports the allowed methods of a known path', () => {
    expect(resolveRoute('PUT', '/v1/videos')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'POST'] })
    expect(resolveRoute('POST', '/v1/videos/v')).toEqual({
      kind: 'method-not-allowed',
      allow: ['GET', 'DELETE'],
      id: 'v',
    })
    expect(resolveRoute('GET', '/v1/videos/v/remix')).toMatchObject({
      kind: 'method-not-allowed',
      allow: ['POST'],
    })
  })

  it('finds nothing elsewhere', () => {
    for (const path of [
      '/',
      '/v1/models',
      '/v1/videos/a/b/c',
      '/v1/videos/',
      '/v1/videos//content',
      '/v1/videos/%E0',
    ]) {
      expect(resolveRoute('GET', path)).toEqual({ kind: 'not-found' })
    }
  })
})
