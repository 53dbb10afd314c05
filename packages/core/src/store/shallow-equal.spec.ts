import { describe, expect, it } from 'vitest'
import { shallowEqual } from './shallow-equal'

describe('shallowEqual', () => {
  const rows = [1, 2]

  it('is true when every value is the same', () => {
    expect(shallowEqual({ a: 1, b: rows }, { a: 1, b: rows })).toBe(true)
  })

  it('compares by identity, not by content', () => {
    expect(shallowEqual({ a: 1, b: rows }, { a: 1, b: [1, 2] })).toBe(false)
  })

  it('leaves the ignored key out', () => {
    expect(shallowEqual({ a: 1, b: rows }, { a: 1, b: [1, 2] }, 'b')).toBe(true)
    expect(shallowEqual({ a: 1, b: rows }, { a: 2, b: rows }, 'b')).toBe(false)
  })
})
