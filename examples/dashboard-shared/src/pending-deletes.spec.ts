import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPendingDeletes, UNDO_MS } from './pending-deletes'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createPendingDeletes', () => {
  it('sends the delete only after the undo window, once however often it is asked', async () => {
    const remove = vi.fn(async () => {})
    const deletes = createPendingDeletes(remove)
    deletes.request('video_1')
    deletes.request('video_1')
    expect(deletes.status('video_1')).toEqual({ phase: 'pending' })

    await vi.advanceTimersByTimeAsync(UNDO_MS - 1)
    expect(remove).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(remove).toHaveBeenCalledExactlyOnceWith('video_1')
    expect(deletes.status('video_1')).toBeUndefined()
  })

  it('sends nothing after Undo, and notifies subscribers of each change', async () => {
    const remove = vi.fn(async () => {})
    const deletes = createPendingDeletes(remove)
    const listener = vi.fn()
    deletes.subscribe(listener)
    deletes.request('video_1')
    deletes.undo('video_1')
    await vi.advanceTimersByTimeAsync(UNDO_MS * 2)
    expect(remove).not.toHaveBeenCalled()
    expect(deletes.status('video_1')).toBeUndefined()
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('keeps a refused delete with its error until dismissed, and can be asked again', async () => {
    const refusal = new Error('The storage backend is read-only.')
    const remove = vi.fn().mockRejectedValueOnce(refusal).mockResolvedValue(undefined)
    const deletes = createPendingDeletes(remove)
    deletes.request('video_1')
    await vi.advanceTimersByTimeAsync(UNDO_MS)
    expect(deletes.status('video_1')).toEqual({ phase: 'failed', error: refusal })
    deletes.undo('video_1')
    expect(deletes.status('video_1')).toEqual({ phase: 'failed', error: refusal })
    deletes.dismiss('video_1')
    expect(deletes.status('video_1')).toBeUndefined()
    deletes.request('video_1')
    await vi.advanceTimersByTimeAsync(UNDO_MS)
    expect(remove).toHaveBeenCalledTimes(2)
  })

  it('sends every waiting delete at once on flush (the page is going away)', async () => {
    const remove = vi.fn(async () => {})
    const deletes = createPendingDeletes(remove)
    deletes.request('video_1')
    deletes.request('video_2')
    deletes.flush()
    expect(remove.mock.calls).toEqual([['video_1'], ['video_2']])
    await vi.advanceTimersByTimeAsync(UNDO_MS)
    expect(remove).toHaveBeenCalledTimes(2)
  })
})
