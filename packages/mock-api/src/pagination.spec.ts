import { describe, expect, it } from 'vitest'
import { paginate, parseListQuery, type CursorEntry } from './pagination'
import { paramOf } from '../test/test-support'

const entries = (deleted: string[] = []): CursorEntry[] =>
  ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, deleted: deleted.includes(id) }))

describe('parseListQuery', () => {
  it('defaults to desc and 20', () => {
    expect(parseListQuery(new URLSearchParams())).toEqual({ limit: 20, order: 'desc' })
    expect(parseListQuery(new URLSearchParams('after=a&limit=0&order=asc'))).toEqual({
      after: 'a',
      limit: 0,
      order: 'asc',
    })
    expect(parseListQuery(new URLSearchParams('limit=100')).limit).toBe(100)
  })

  it('refuses limits outside 0–100 and unknown orders, naming the param', () => {
    for (const limit of ['101', '-1', '2.5', 'ten', '']) {
      expect(paramOf(() => parseListQuery(new URLSearchParams({ limit })))).toBe('limit')
    }
    expect(paramOf(() => parseListQuery(new URLSearchParams('order=newest')))).toBe('order')
  })
})

describe('paginate', () => {
  it('pages newest first by default with has_more', () => {
    expect(paginate(entries(), { limit: 2, order: 'desc' })).toEqual({ ids: ['e', 'd'], hasMore: true })
    expect(paginate(entries(), { limit: 2, order: 'desc', after: 'd' })).toEqual({
      ids: ['c', 'b'],
      hasMore: true,
    })
    expect(paginate(entries(), { limit: 2, order: 'desc', after: 'b' })).toEqual({
      ids: ['a'],
      hasMore: false,
    })
  })

  it('pages oldest first in asc', () => {
    expect(paginate(entries(), { limit: 3, order: 'asc' })).toEqual({ ids: ['a', 'b', 'c'], hasMore: true })
    expect(paginate(entries(), { limit: 3, order: 'asc', after: 'c' })).toEqual({
      ids: ['d', 'e'],
      hasMore: false,
    })
  })

  it('says whether more remain when the limit is 0 or exactly reached', () => {
    expect(paginate(entries(), { limit: 0, order: 'asc' })).toEqual({ ids: [], hasMore: true })
    expect(paginate(entries(), { limit: 5, order: 'asc' })).toEqual({
      ids: ['a', 'b', 'c', 'd', 'e'],
      hasMore: false,
    })
  })

  it('skips deleted videos but keeps their cursor position', () => {
    expect(paginate(entries(['c', 'd']), { limit: 2, order: 'asc' })).toEqual({
      ids: ['a', 'b'],
      hasMore: true,
    })
    expect(paginate(entries(['b']), { limit: 2, order: 'asc', after: 'b' })).toEqual({
      ids: ['c', 'd'],
      hasMore: true,
    })
  })

  it('fills a page past deleted videos and has no more when only deleted ones follow', () => {
    expect(paginate(entries(['b']), { limit: 2, order: 'asc' })).toEqual({ ids: ['a', 'c'], hasMore: true })
    expect(paginate(entries(['e']), { limit: 1, order: 'asc', after: 'c' })).toEqual({
      ids: ['d'],
      hasMore: false,
    })
  })

  it('refuses an unknown cursor', () => {
    expect(paramOf(() => paginate(entries(), { limit: 2, order: 'asc', after: 'zzz' }))).toBe('after')
  })
})
