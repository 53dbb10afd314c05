import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { abortableDelay } from './abortable-delay'

describe('abortableDelay', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('resolves after ms of (fake) time and not before', async () => {
    let done = false
    void abortableDelay(100, undefined).then(() => (done = true))
    await vi.advanceTimersByTimeAsync(99)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)
  })

  it('takes no timer for a zero wait', async () => {
    await abortableDelay(0, undefined)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('rejects with an AbortError as soon as the signal aborts, clearing its timer', async () => {
    const controller = new AbortController()
    const wait = abortableDelay(1_000, controller.signal)
    controller.abort()
    await expect(wait).rejects.toMatchObject({ name: 'AbortError' })
    await expect(wait).rejects.toBeInstanceOf(DOMException)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('rejects at once for an already aborted signal, with its reason', async () => {
    const reason = new Error('gone')
    await expect(abortableDelay(10, AbortSignal.abort(reason))).rejects.toBe(reason)
    await expect(abortableDelay(0, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' })
  })
})
