import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'

describe('backoffDelay', () => {
  const options = { baseDelay: 1000, maxDelay: 8000 }

  it('doubles per attempt with half of it jittered', () => {
    expect(backoffDelay(1, options, () => 0)).toBe(500)
    expect(backoffDelay(1, options, () => 1)).toBe(1000)
    expect(backoffDelay(3, options, () => 0)).toBe(2000)
    expect(backoffDelay(3, options, () => 1)).toBe(4000)
  })

  it('is capped', () => {
    expect(backoffDelay(20, options, () => 1)).toBe(8000)
    expect(backoffDelay(20, options, () => 0)).toBe(4000)
  })
})
