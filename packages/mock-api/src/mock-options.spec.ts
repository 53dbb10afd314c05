import { describe, expect, it } from 'vitest'
import { createManualClock, isManualClock } from './clock'
import { DEFAULT_MAX_BODY_BYTES, resolveMockOptions } from './mock-options'

describe('resolveMockOptions', () => {
  it('applies the documented defaults', () => {
    const options = resolveMockOptions()
    expect(options).toMatchObject({
      queueMs: 2_000,
      renderMs: 20_000,
      failRate: 0,
      seed: 1,
      apiKey: undefined,
      pollAfterMs: undefined,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    })
    expect(DEFAULT_MAX_BODY_BYTES).toBe(25 * 1024 * 1024)
    expect(options.nextLatencyMs()).toBe(0)
    expect(isManualClock(options.clock)).toBe(false)
  })

  it("builds a manual clock for 'manual' and keeps a given clock", () => {
    expect(isManualClock(resolveMockOptions({ clock: 'manual' }).clock)).toBe(true)
    const clock = createManualClock(5)
    expect(resolveMockOptions({ clock }).clock).toBe(clock)
  })

  it('draws latency ranges from the seed, within bounds', () => {
    const draws = (seed: number) => {
      const { nextLatencyMs } = resolveMockOptions({ latencyMs: [100, 300], seed })
      return Array.from({ length: 30 }, nextLatencyMs)
    }
    const first = draws(4)
    expect(draws(4)).toEqual(first)
    expect(draws(5)).not.toEqual(first)
    expect(first.every((ms) => Number.isInteger(ms) && ms >= 100 && ms <= 300)).toBe(true)
    expect(resolveMockOptions({ latencyMs: 150 }).nextLatencyMs()).toBe(150)
  })

  it('refuses impossible options, naming them', () => {
    expect(() => resolveMockOptions({ queueMs: -1 })).toThrow(/queueMs/)
    expect(() => resolveMockOptions({ renderMs: Number.NaN })).toThrow(/renderMs/)
    expect(() => resolveMockOptions({ failRate: 1.2 })).toThrow(/failRate/)
    expect(() => resolveMockOptions({ latencyMs: [300, 100] })).toThrow(/min <= max/)
    expect(() => resolveMockOptions({ latencyMs: -5 })).toThrow(/latencyMs/)
    expect(() => resolveMockOptions({ maxBodyBytes: 1.5 })).toThrow(/maxBodyBytes/)
    expect(() => resolveMockOptions({ pollAfterMs: -1 })).toThrow(/pollAfterMs/)
    expect(() => resolveMockOptions({ seed: Number.POSITIVE_INFINITY })).toThrow(/seed/)
  })
})
