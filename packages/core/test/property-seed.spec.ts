import { describe, expect, it } from 'vitest'
import { eachSeed, freshSeedCount, propertySeeds, replayable } from './property-seed'

describe('propertySeeds', () => {
  it('runs the regression seeds alone outside CI', () => {
    expect(propertySeeds([7, 2], {})).toEqual([
      { seed: 7, label: 'seed 7' },
      { seed: 2, label: 'seed 2' },
    ])
  })

  it('adds one fresh seed in CI and in `pnpm unit`, or as many as VIDJOB_PROPERTY_FRESH asks', () => {
    for (const env of [{ CI: 'true' }, { CI: '1' }, { npm_lifecycle_event: 'unit' }]) {
      const seeds = propertySeeds([7], env)
      expect(seeds).toHaveLength(2)
      expect(seeds[1]?.label).toBe(`fresh seed ${seeds[1]?.seed}`)
    }
    expect(freshSeedCount({ CI: 'false' })).toBe(0)
    expect(freshSeedCount({ CI: 'true', VIDJOB_PROPERTY_FRESH: '0' })).toBe(0)
    expect(propertySeeds([7], { VIDJOB_PROPERTY_FRESH: '3' })).toHaveLength(4)
    expect(() => freshSeedCount({ VIDJOB_PROPERTY_FRESH: '-1' })).toThrow(RangeError)
  })

  it('replays VIDJOB_PROPERTY_SEED alone', () => {
    expect(propertySeeds([7, 2], { VIDJOB_PROPERTY_SEED: '99', CI: 'true' })).toEqual([
      { seed: 99, label: 'seed 99' },
    ])
    expect(() => propertySeeds([7], { VIDJOB_PROPERTY_SEED: 'x' })).toThrow(RangeError)
  })
})

describe('replayable', () => {
  it('names the seed of a failure, thrown or rejected, and keeps the report', async () => {
    const fail = (): never => {
      throw new Error('Property failed after 3 tests')
    }
    expect(() => replayable(42, fail)).toThrow(
      /^Failed with seed 42: replay it with VIDJOB_PROPERTY_SEED=42\.\nProperty failed after 3 tests$/,
    )
    await expect(replayable(42, () => Promise.reject(new Error('async')))).rejects.toThrow(
      /VIDJOB_PROPERTY_SEED=42\.\nasync$/,
    )
  })

  it('passes a success through', async () => {
    expect(replayable(1, () => 'ok')).toBe('ok')
    await expect(replayable(1, () => Promise.resolve('ok'))).resolves.toBe('ok')
  })
})

describe('eachSeed', () => {
  it('checks every regression seed in order and stops at the first failure, naming it', async () => {
    const seen: number[] = []
    await expect(
      eachSeed([5, 6, 7], (seed) => {
        seen.push(seed)
        if (seed === 6) throw new Error('broken')
      }),
    ).rejects.toThrow(/seed 6/)
    expect(seen).toEqual([5, 6])
  })
})
