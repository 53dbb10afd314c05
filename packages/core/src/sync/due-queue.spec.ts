import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eachSeed } from '../../test/property-seed'
import { DueQueue, type Queued } from './due-queue'

const item = (name: string, dueAt: number): Queued & { name: string } => ({ name, dueAt, queueIndex: -1 })

describe('DueQueue', () => {
  it('gives the earliest first, and moves an item whose due time changed', () => {
    const queue = new DueQueue<ReturnType<typeof item>>()
    const [a, b, c] = [item('a', 30), item('b', 10), item('c', 20)]
    ;[a, b, c].forEach((each) => queue.set(each))
    expect(queue.peek()?.name).toBe('b')
    a.dueAt = 5
    queue.set(a)
    expect(queue.shift()?.name).toBe('a')
    queue.delete(b)
    expect([queue.shift()?.name, queue.shift(), queue.size]).toEqual(['c', undefined, 0])
    expect(queue.has(b)).toBe(false)
  })

  it('always yields items in due order, after any sets, moves and deletes (property)', () => {
    const op = fc.oneof(
      fc.record({ set: fc.nat({ max: 19 }), dueAt: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ remove: fc.nat({ max: 19 }) }),
      fc.record({ shift: fc.constant(true) }),
    )
    return eachSeed([13], (seed) =>
      fc.assert(
        fc.property(fc.array(op, { maxLength: 100 }), (ops) => {
          const items = Array.from({ length: 20 }, (_, i) => item(`i${i}`, 0))
          const queue = new DueQueue<(typeof items)[number]>()
          const model = new Set<(typeof items)[number]>()
          for (const step of ops) {
            if ('set' in step) {
              const target = items[step.set] as (typeof items)[number]
              target.dueAt = step.dueAt
              queue.set(target)
              model.add(target)
            } else if ('remove' in step) {
              queue.delete(items[step.remove] as (typeof items)[number])
              model.delete(items[step.remove] as (typeof items)[number])
            } else {
              const earliest = Math.min(...[...model].map((each) => each.dueAt))
              const shifted = queue.shift()
              expect(shifted?.dueAt).toBe(model.size === 0 ? undefined : earliest)
              if (shifted) model.delete(shifted)
            }
          }
          const drained: number[] = []
          for (let next = queue.shift(); next; next = queue.shift()) drained.push(next.dueAt)
          expect(drained).toEqual([...model].map((each) => each.dueAt).sort((x, y) => x - y))
        }),
        { seed, numRuns: 300 },
      ),
    )
  })
})
