import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { raceAbort, startDeadline } from './request-deadline'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

const never = (): Promise<never> => new Promise<never>(() => undefined)

describe('startDeadline', () => {
  it('passes the caller signal through and holds no timer without timeoutMs', () => {
    const controller = new AbortController()
    const deadline = startDeadline(controller.signal, undefined)
    expect(deadline.signal).toBe(controller.signal)
    expect(vi.getTimerCount()).toBe(0)
    expect(deadline.timedOut).toBe(false)
  })

  it('aborts its signal after timeoutMs and reports the timeout', async () => {
    const deadline = startDeadline(undefined, 100)
    const raced = deadline.race(never())
    const settled = expect(raced).rejects.toMatchObject({ name: 'TimeoutError' })
    await vi.advanceTimersByTimeAsync(100)
    await settled
    expect(deadline.signal?.aborted).toBe(true)
    expect(deadline.timedOut).toBe(true)
  })

  it('follows the caller signal without calling it a timeout', () => {
    const controller = new AbortController()
    const deadline = startDeadline(controller.signal, 100)
    controller.abort()
    expect(deadline.signal?.aborted).toBe(true)
    expect(deadline.timedOut).toBe(false)
    deadline.clear()
  })

  it('leaves no timer once cleared', () => {
    const deadline = startDeadline(undefined, 100)
    expect(vi.getTimerCount()).toBe(1)
    deadline.clear()
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('raceAbort', () => {
  it('settles with the work when nothing aborts', async () => {
    await expect(raceAbort(Promise.resolve(1), new AbortController().signal)).resolves.toBe(1)
    await expect(raceAbort(Promise.resolve(2), undefined)).resolves.toBe(2)
  })

  it('rejects with the abort reason even when the work never settles', async () => {
    const controller = new AbortController()
    const raced = raceAbort(never(), controller.signal)
    const reason = new DOMException('stop', 'AbortError')
    controller.abort(reason)
    await expect(raced).rejects.toBe(reason)
  })

  it('rejects at once for a signal that is already aborted', async () => {
    await expect(raceAbort(never(), AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('removes its listener once the work settles', async () => {
    const controller = new AbortController()
    const remove = vi.spyOn(controller.signal, 'removeEventListener')
    await raceAbort(Promise.resolve('done'), controller.signal)
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function))
  })
})
