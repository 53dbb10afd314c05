import { describe, expect, it } from 'vitest'
import { linkSignals } from './abort-signals'

describe('linkSignals', () => {
  it('aborts when any source aborts, with its reason', () => {
    const a = new AbortController()
    const b = new AbortController()
    const { signal } = linkSignals(a.signal, undefined, b.signal)
    expect(signal.aborted).toBe(false)
    b.abort(new DOMException('stop', 'AbortError'))
    expect(signal.aborted).toBe(true)
    expect((signal.reason as DOMException).message).toBe('stop')
  })

  it('starts aborted when a source already is', () => {
    const a = new AbortController()
    a.abort()
    expect(linkSignals(a.signal).signal.aborted).toBe(true)
  })

  it('detaches from its sources on release, so a long-lived source holds nothing', () => {
    const lifetime = new AbortController()
    const { signal, release } = linkSignals(lifetime.signal)
    release()
    lifetime.abort()
    expect(signal.aborted).toBe(false)
  })
})
