import { afterEach, describe, expect, it, vi } from 'vitest'
import { createScheduler } from './scheduler'

afterEach(() => {
  vi.useRealTimers()
})

describe('createScheduler', () => {
  it('uses the timer globals at call time, so fake timers drive it, and counts pending timers', () => {
    vi.useFakeTimers({ now: 5_000 })
    const scheduler = createScheduler()
    const fired: number[] = []
    scheduler.schedule(() => fired.push(1), 100)
    const cancel = scheduler.schedule(() => fired.push(2), 200)
    expect(scheduler.now()).toBe(5_000)
    expect(vi.getTimerCount()).toBe(2)
    cancel()
    vi.advanceTimersByTime(500)
    expect(fired).toEqual([1])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('cancels everything at once', () => {
    vi.useFakeTimers()
    const scheduler = createScheduler()
    const callback = vi.fn()
    scheduler.schedule(callback, 10)
    scheduler.schedule(callback, 20, { background: true })
    scheduler.cancelAll()
    vi.advanceTimersByTime(100)
    expect(callback).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('does not let a background timer keep a Node process alive', () => {
    const unref = vi.fn()
    vi.stubGlobal('setTimeout', () => ({ unref }))
    createScheduler().schedule(() => undefined, 10, { background: true })
    expect(unref).toHaveBeenCalledTimes(1)
    createScheduler().schedule(() => undefined, 10)
    expect(unref).toHaveBeenCalledTimes(1)
  })
})
