import { describe, expect, it } from 'vitest'
import { createRandom, deriveSeed, randomInt } from './random'

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(7)
    const b = createRandom(7)
    const first = [a(), a(), a()]
    expect([b(), b(), b()]).toEqual(first)
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true)
  })

  it('gives different sequences for different seeds', () => {
    expect(createRandom(1)()).not.toBe(createRandom(2)())
  })
})

describe('deriveSeed', () => {
  it('separates streams and indexes deterministically', () => {
    expect(deriveSeed(1, 'job', 1)).toBe(deriveSeed(1, 'job', 1))
    expect(deriveSeed(1, 'job', 1)).not.toBe(deriveSeed(1, 'job', 2))
    expect(deriveSeed(1, 'job', 1)).not.toBe(deriveSeed(1, 'faults', 1))
    expect(deriveSeed(1, 'job', 1)).not.toBe(deriveSeed(2, 'job', 1))
  })
})

describe('randomInt', () => {
  it('covers both bounds and nothing outside them', () => {
    const random = createRandom(3)
    const seen = new Set(Array.from({ length: 500 }, () => randomInt(random, 10, 12)))
    expect([...seen].sort()).toEqual([10, 11, 12])
  })
})
