import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FindingKind } from '../soak/findings'
import { Run, seedServer, worldArb } from '../test/client-model'

afterEach(() => {
  vi.useRealTimers()
})

/** Each invariant is its own property over the same scenarios, so one broken invariant hides no other. */
const INVARIANTS: readonly (readonly [string, readonly FindingKind[]])[] = [
  ['status and progress only move forward in every emission', ['regression']],
  [
    'equal data keeps its object; a row is the cached video; snapshots match emissions',
    ['identity', 'snapshot'],
  ],
  ['a confirmed delete is never resurrected, in a state or a list', ['resurrection']],
  ['a delete hides at once; a failed one comes back at its exact place', ['delete']],
  ['every list is in cursor order, without duplicates or holes', ['list']],
  ['no subscriber errors, no list promise rejects, every request finishes', ['subscriber-error']],
]

describe('client under arbitrary interleavings of requests and answers (property-based)', () => {
  it.each(INVARIANTS)(
    '%s',
    async (_name, kinds) => {
      await fc.assert(
        fc.asyncProperty(worldArb, async ({ jobs, ageMs, ops }) => {
          const { api, ids } = seedServer(jobs, ageMs)
          const run = new Run(api, ids)
          try {
            for (const op of ops) await run.apply(op)
            await run.drain()
          } finally {
            vi.useRealTimers()
          }
          expect(kinds.flatMap((kind) => run.findings.messages(kind))).toEqual([])
        }),
        { seed: 20260101, numRuns: 60 },
      )
    },
    60_000,
  )
})
