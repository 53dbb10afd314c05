import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FINDING_KINDS } from './findings'
import { PLANTS } from './plants'
import { createSoakRandom } from './random'
import { runSoak } from './scenario'

/** A short run: long enough for every kind of fault, deletes, lists and 429 bursts to come up. */
const SETTINGS = { seed: 1, minutes: 10, jobs: 30 } as const

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) })
  vi.spyOn(Math, 'random').mockImplementation(createSoakRandom(SETTINGS.seed + 1).next)
})

afterEach(() => {
  vi.useRealTimers()
})

const advance = async (ms: number): Promise<void> => void (await vi.advanceTimersByTimeAsync(ms))

describe('the soak reports every kind of finding (a defect planted in a double of the client)', () => {
  it('has a plant for every kind', () => {
    expect(Object.keys(PLANTS).sort()).toEqual([...FINDING_KINDS].sort())
  })

  it.each(FINDING_KINDS)(
    '%s',
    async (kind) => {
      const report = await runSoak({ ...SETTINGS, advance, plant: PLANTS[kind] })
      expect(report.findingCounts[kind], JSON.stringify(report.findingCounts)).toBeGreaterThan(0)
    },
    60_000,
  )
})
