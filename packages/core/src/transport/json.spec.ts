import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_JSON_DEPTH, nestsDeeperThan, parseJson } from './json'

const nested = (depth: number, open = '[', close = ']'): string => open.repeat(depth) + close.repeat(depth)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('nestsDeeperThan', () => {
  it('counts arrays and objects opened inside one another', () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false)
    expect(nestsDeeperThan(nested(4), 3)).toBe(true)
    expect(nestsDeeperThan('{"a":{"b":[1,{"c":2}]}}', 4)).toBe(false)
    expect(nestsDeeperThan('{"a":{"b":[1,{"c":{}}]}}', 4)).toBe(true)
    expect(nestsDeeperThan('[[],[],[],[]]', 2)).toBe(false)
  })

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ prompt: '[[[[{{{{' }), 1)).toBe(false)
    expect(nestsDeeperThan(JSON.stringify({ prompt: 'say \\"[[[[\\" and "[[["' }), 1)).toBe(false)
    expect(nestsDeeperThan(JSON.stringify(['\\', [[]]]), 2)).toBe(true)
  })

  it('scans 200,000 levels without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(200_000), MAX_JSON_DEPTH)).toBe(true)
    expect(nestsDeeperThan(nested(200_000, '{"a":', '}'), MAX_JSON_DEPTH)).toBe(true)
  })
})

describe('parseJson', () => {
  it(`parses up to ${MAX_JSON_DEPTH} levels`, () => {
    expect(parseJson(nested(MAX_JSON_DEPTH)).ok).toBe(true)
  })

  it('refuses a deeper text without handing it to JSON.parse', () => {
    const parse = vi.spyOn(JSON, 'parse')
    expect(parseJson(nested(MAX_JSON_DEPTH + 1))).toEqual({ ok: false, tooDeep: true })
    expect(parseJson(nested(200_000))).toEqual({ ok: false, tooDeep: true })
    expect(parse).not.toHaveBeenCalled()
  })

  it('takes another bound', () => {
    expect(parseJson('[[1]]', 1)).toEqual({ ok: false, tooDeep: true })
    expect(parseJson('[[1]]', 2)).toEqual({ ok: true, value: [[1]] })
  })
})
