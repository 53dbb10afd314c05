import { describe, expect, it } from 'vitest'
import { createFaults, type FaultTarget, type MockFault, type MockFaultRule } from './faults'
import { createRandom } from './random'

const retrieveA: FaultTarget = { method: 'GET', endpoint: 'retrieve', id: 'a' }
const serverError = { type: 'error', status: 500 } as const

describe('createFaults', () => {
  it('applies a rule only where its filters match', () => {
    const faults = createFaults(createRandom(1))
    faults.add({ fault: serverError, endpoint: 'retrieve', id: 'a', method: 'get' })
    expect(faults.pick(retrieveA)).toEqual(serverError)
    expect(faults.pick({ ...retrieveA, id: 'b' })).toBeUndefined()
    expect(faults.pick({ method: 'GET', endpoint: 'list' })).toBeUndefined()
    expect(faults.pick({ ...retrieveA, method: 'DELETE' })).toBeUndefined()
  })

  it('uses a rule `times` times, then drops it', () => {
    const faults = createFaults(createRandom(1))
    faults.add({ fault: serverError, times: 2 })
    expect(faults.rules[0]?.times).toBe(2)
    expect(faults.pick(retrieveA)).toBeDefined()
    expect(faults.rules[0]?.times).toBe(1)
    expect(faults.pick(retrieveA)).toBeDefined()
    expect(faults.pick(retrieveA)).toBeUndefined()
    expect(faults.rules).toHaveLength(0)
  })

  it('next() injects into one matching request', () => {
    const faults = createFaults(createRandom(1))
    faults.next({ type: 'drop' }, { endpoint: 'list' })
    expect(faults.pick(retrieveA)).toBeUndefined()
    expect(faults.pick({ method: 'GET', endpoint: 'list' })).toEqual({ type: 'drop' })
    expect(faults.pick({ method: 'GET', endpoint: 'list' })).toBeUndefined()
  })

  it('tries rules in order and falls through when a probability draw loses', () => {
    const faults = createFaults(() => 0.5)
    faults.add({ fault: { type: 'malformed' }, probability: 0.4 })
    faults.add({ fault: { type: 'schema' }, probability: 0.6 })
    expect(faults.pick(retrieveA)).toEqual({ type: 'schema' })
  })

  it('draws probabilities from the seed, the same on every run', () => {
    const outcomes = (seed: number) => {
      const faults = createFaults(createRandom(seed))
      faults.add({ fault: serverError, probability: 0.3 })
      return Array.from({ length: 40 }, () => faults.pick(retrieveA) !== undefined)
    }
    const first = outcomes(5)
    expect(outcomes(5)).toEqual(first)
    expect(outcomes(6)).not.toEqual(first)
    const hits = first.filter(Boolean).length
    expect(hits).toBeGreaterThan(0)
    expect(hits).toBeLessThan(40)
  })

  it('removes a rule through its remover, or all with clear()', () => {
    const faults = createFaults(createRandom(1))
    const remove = faults.add({ fault: serverError })
    faults.add({ fault: { type: 'drop' } })
    remove()
    expect(faults.rules.map((rule) => rule.fault.type)).toEqual(['drop'])
    faults.clear()
    expect(faults.pick(retrieveA)).toBeUndefined()
  })

  it('refuses rules that could never work as meant', () => {
    const faults = createFaults(createRandom(1))
    expect(() => faults.add({ fault: serverError, times: 0 })).toThrow(/times/)
    expect(() => faults.add({ fault: serverError, probability: 2 })).toThrow(/probability/)
    expect(() => faults.add({ fault: { type: 'error', status: 200 } })).toThrow(/status/)
    expect(() => faults.add({ fault: { type: 'rate-limit', retryAfterMs: -1 } })).toThrow(/retryAfterMs/)
    expect(() => faults.add({ fault: { type: 'latency', ms: Number.NaN } })).toThrow(/ms/)
    expect(faults.rules).toHaveLength(0)
  })

  it('checks reorder delays and the after-work timing', () => {
    const faults = createFaults(createRandom(1))
    expect(() => faults.add({ fault: { type: 'reorder', ms: -1 } })).toThrow(/reorder fault ms/)
    const bogus = { type: 'error', status: 500, after: 'answer' } as unknown as MockFault
    expect(() => faults.add({ fault: bogus })).toThrow(/after must be 'work'/)
    expect(() => faults.add({ fault: { type: 'drop', after: 'work' } })).not.toThrow()
  })

  it('refuses a rule without a known fault type (as JSON from the control route can be)', () => {
    const faults = createFaults(createRandom(1))
    for (const rule of [{}, { fault: {} }, { fault: { type: 'explode' } }]) {
      expect(() => faults.add(rule as MockFaultRule)).toThrow(/fault.type, one of error, rate-limit/)
    }
    expect(faults.rules).toEqual([])
  })
})
