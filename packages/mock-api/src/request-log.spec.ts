import { describe, expect, it } from 'vitest'
import { createRequestLog } from './request-log'

describe('createRequestLog', () => {
  it('numbers entries and counts them by endpoint, method and id', () => {
    const log = createRequestLog()
    log.record({
      method: 'GET',
      endpoint: 'retrieve',
      id: 'a',
      path: '/v1/videos/a',
      query: {},
      receivedAt: 0,
    })
    log.record({
      method: 'GET',
      endpoint: 'retrieve',
      id: 'b',
      path: '/v1/videos/b',
      query: {},
      receivedAt: 0,
    })
    log.record({
      method: 'DELETE',
      endpoint: 'delete',
      id: 'a',
      path: '/v1/videos/a',
      query: {},
      receivedAt: 1,
    })
    expect(log.entries.map((entry) => entry.seq)).toEqual([1, 2, 3])
    expect(log.count()).toBe(3)
    expect(log.count({ endpoint: 'retrieve' })).toBe(2)
    expect(log.count({ id: 'a' })).toBe(2)
    expect(log.count({ method: 'delete' })).toBe(1)
    expect(log.count({ endpoint: 'retrieve', id: 'b' })).toBe(1)
    expect(log.count({ endpoint: 'list' })).toBe(0)
  })

  it('empties on reset but keeps numbering upwards', () => {
    const log = createRequestLog()
    const entries = log.entries
    log.record({ method: 'GET', endpoint: 'list', path: '/v1/videos', query: {}, receivedAt: 0 })
    log.reset()
    expect(entries).toHaveLength(0)
    expect(
      log.record({ method: 'GET', endpoint: 'list', path: '/v1/videos', query: {}, receivedAt: 0 }).seq,
    ).toBe(2)
  })
})
