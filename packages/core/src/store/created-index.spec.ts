import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eachSeed } from '../../test/property-seed'
import { CreatedIndex } from './created-index'

describe('CreatedIndex', () => {
  it('ranks videos newest first, a later-seen video first within one second', () => {
    const index = new CreatedIndex()
    index.add('b', 20)
    index.add('a', 10)
    index.add('c', 30)
    index.add('b2', 20)
    expect([0, 1, 2, 3].map((rank) => index.idAt(rank))).toEqual(['c', 'b2', 'b', 'a'])
    expect(index.rankOf('b')).toBe(2)
    expect(index.rankOf('missing')).toBeUndefined()
  })

  it('keeps a video at its first place when added again, and forgets a deleted one', () => {
    const index = new CreatedIndex()
    index.add('a', 10)
    index.add('b', 10)
    index.add('a', 99)
    expect(index.rankOf('a')).toBe(1)
    index.delete('b')
    expect(index.rankOf('a')).toBe(0)
    expect(index.rankOf('b')).toBeUndefined()
    expect(index.size).toBe(1)
  })

  it('is the order a full sort gives, after any adds and deletes (property)', () => {
    const op = fc.oneof(
      fc.record({ add: fc.integer({ min: 0, max: 30 }), at: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ remove: fc.integer({ min: 0, max: 30 }) }),
    )
    return eachSeed([13], (seed) =>
      fc.assert(
        fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
          const index = new CreatedIndex()
          const model = new Map<string, { at: number; seq: number }>()
          let seq = 0
          for (const step of ops) {
            if ('add' in step) {
              const id = `v${step.add}`
              index.add(id, step.at)
              if (!model.has(id)) model.set(id, { at: step.at, seq: ++seq })
            } else {
              index.delete(`v${step.remove}`)
              model.delete(`v${step.remove}`)
            }
          }
          const sorted = [...model].sort(([, a], [, b]) => b.at - a.at || b.seq - a.seq).map(([id]) => id)
          expect(Array.from({ length: index.size }, (_, rank) => index.idAt(rank))).toEqual(sorted)
          sorted.forEach((id, rank) => expect(index.rankOf(id)).toBe(rank))
        }),
        { seed, numRuns: 300 },
      ),
    )
  })
})
