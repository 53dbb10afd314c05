import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FindingKind } from '../soak/findings'
import { Run, seedServer, worldArb } from '../test/client-model'
import { propertySeeds, replayable } from '../test/property-seed'

afterEach(() => {
  vi.useRealTimers()
})

/** Each invariant is its own property over the same scenarios, so one broken invariant hides no other. */
const INVARIANTS: readonly (readonly [string, readonly FindingKind[]])[] = [
  ['status and progress only move forward in every emission', ['regression']],
  [
    'equal data keeps its object; a row is the cached video; snapshots match emissions; nothing observed is collected',
    ['identity', 'snapshot', 'collected'],
  ],
  [
    'a confirmed delete is never resurrected (a state, a list row, an event); each end is told once',
    ['resurrection', 'event'],
  ],
  ['a delete hides at once; a failed one comes back at its exact place', ['delete']],
  ['every list is in cursor order, without duplicates or holes', ['list']],
  ['no subscriber errors, no list promise rejects, every request finishes', ['subscriber-error']],
]

describe.each(propertySeeds([20260101]))(
  'client under arbitrary interleavings of requests and answers (property-based, $label)',
  ({ seed }) => {
    it.each(INVARIANTS)(
      '%s',
      async (_name, kinds) => {
        await replayable(seed, () =>
          fc.assert(
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
            { seed, numRuns: 60 },
          ),
        )
      },
      60_000,
    )
  },
)
