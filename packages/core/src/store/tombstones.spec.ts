import { describe, expect, it } from 'vitest'
import { MAX_FREE_TOMBSTONES, Tombstones } from './tombstones'

const nothingHeld = (): boolean => false

describe('Tombstones', () => {
  it('keeps a pending delete whatever happens, and tells pending from confirmed', () => {
    const tombstones = new Tombstones()
    tombstones.markPending('a')
    expect([tombstones.has('a'), tombstones.isPending('a'), tombstones.isConfirmed('a')]).toEqual([
      true,
      true,
      false,
    ])
    tombstones.prune(Infinity, nothingHeld)
    expect(tombstones.has('a')).toBe(true)
    tombstones.confirm('a', 10, nothingHeld)
    expect([tombstones.isPending('a'), tombstones.isConfirmed('a')]).toEqual([false, true])
  })

  it('frees a confirmed tombstone once every request in flight was sent after it, and nothing holds the id', () => {
    const tombstones = new Tombstones()
    tombstones.confirm('a', 1_000, nothingHeld)
    tombstones.confirm('held', 1_000, nothingHeld)
    tombstones.prune(1_000, nothingHeld)
    expect(tombstones.has('a')).toBe(true)
    tombstones.prune(1_001, (id) => id === 'held')
    expect([tombstones.has('a'), tombstones.has('held')]).toEqual([false, true])
  })

  it('keeps at most MAX_FREE_TOMBSTONES of ids nothing holds, the oldest freed first, whatever is in flight', () => {
    const tombstones = new Tombstones()
    tombstones.markPending('pending')
    for (let i = 0; i <= MAX_FREE_TOMBSTONES + 5; i++) tombstones.confirm(`v${i}`, i, (id) => id === 'v3')
    expect(tombstones.has('pending')).toBe(true)
    expect(tombstones.has('v3')).toBe(true)
    expect(['v0', 'v1', 'v2', 'v4', 'v5'].map((id) => tombstones.has(id))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
    expect(tombstones.has('v6')).toBe(true)
    expect(tombstones.size).toBe(MAX_FREE_TOMBSTONES + 2)
  })

  it('clears', () => {
    const tombstones = new Tombstones()
    tombstones.confirm('a', 1, nothingHeld)
    tombstones.clear()
    expect(tombstones.size).toBe(0)
  })
})
