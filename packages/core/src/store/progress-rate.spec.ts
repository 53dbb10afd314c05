import { describe, expect, it } from 'vitest'
import { addSample, estimateEta, NO_SAMPLES, progressRate } from './progress-rate'

describe('progress rate', () => {
  it('is unknown until progress has moved between two observations', () => {
    const one = addSample(NO_SAMPLES, 0, 10)
    expect(progressRate(one)).toBeUndefined()
    expect(estimateEta(one, 0)).toBeUndefined()
    expect(addSample(one, 1000, 10)).toBe(one)
  })

  it('averages from the first observation to the latest change', () => {
    const samples = addSample(addSample(addSample(NO_SAMPLES, 0, 10), 1000, 12), 4000, 30)
    expect(progressRate(samples)).toBeCloseTo(20 / 4000)
    // 69.5 points left (reported progress is rounded down) at 1 point per 200 ms
    expect(estimateEta(samples, 4000)).toBe(13_900)
    expect(estimateEta(samples, 6000)).toBe(11_900)
    expect(estimateEta(samples, 60_000)).toBe(0)
  })

  it('ignores observations that do not move forward', () => {
    const samples = addSample(addSample(NO_SAMPLES, 0, 10), 1000, 20)
    expect(addSample(samples, 2000, 15)).toBe(samples)
  })
})
