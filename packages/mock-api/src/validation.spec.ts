import { describe, expect, it } from 'vitest'
import { assertIntegerIn, assertNonNegative, assertProbability } from './validation'

describe('validation', () => {
  it('accepts values in range', () => {
    expect(() => assertNonNegative(0, 'queueMs')).not.toThrow()
    expect(() => assertProbability(1, 'failRate')).not.toThrow()
    expect(() => assertIntegerIn(99, 0, 99, 'failAtProgress')).not.toThrow()
  })

  it('names the option it refuses', () => {
    expect(() => assertNonNegative(-1, 'queueMs')).toThrow(/queueMs must be a finite number >= 0, got -1/)
    expect(() => assertNonNegative(Number.NaN, 'renderMs')).toThrow(RangeError)
    expect(() => assertProbability(1.5, 'failRate')).toThrow(/failRate must be a number from 0 to 1/)
    expect(() => assertIntegerIn(2.5, 0, 99, 'failAtProgress')).toThrow(/failAtProgress must be an integer/)
    expect(() => assertIntegerIn(100, 0, 99, 'failAtProgress')).toThrow(RangeError)
  })
})
