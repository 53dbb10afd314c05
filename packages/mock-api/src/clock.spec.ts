import { afterEach, describe, expect, it, vi } from 'vitest'
import { createManualClock, createSystemClock, DEFAULT_MANUAL_CLOCK_START, isManualClock } from './clock'

describe('createManualClock', () => {
  it('starts at 2026-01-01 by default and moves only when told', () => {
    const clock = createManualClock()
    expect(clock.now()).toBe(DEFAULT_MANUAL_CLOCK_START)
    expect(new Date(clock.now()).toISOString()).toBe('2026-01-01T00:00:00.000Z')
    clock.advance(1_500)
    expect(clock.now()).toBe(DEFAULT_MANUAL_CLOCK_START + 1_500)
    clock.set(10)
    expect(clock.now()).toBe(10)
  })

  it('refuses to advance backwards or by a non-number', () => {
    const clock = createManualClock(0)
    expect(() => clock.advance(-1)).toThrow(RangeError)
    expect(() => clock.advance(Number.NaN)).toThrow(/finite/)
    expect(() => clock.set(Number.POSITIVE_INFINITY)).toThrow(RangeError)
    expect(clock.now()).toBe(0)
  })
})

describe('createSystemClock', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads Date.now at each call, so fake timers drive it', () => {
    vi.useFakeTimers({ now: 1_000 })
    const clock = createSystemClock()
    expect(clock.now()).toBe(1_000)
    vi.advanceTimersByTime(250)
    expect(clock.now()).toBe(1_250)
  })
})

describe('isManualClock', () => {
  it('tells manual clocks from read-only ones', () => {
    expect(isManualClock(createManualClock())).toBe(true)
    expect(isManualClock(createSystemClock())).toBe(false)
  })
})
