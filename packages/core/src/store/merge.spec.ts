import { describe, expect, it } from 'vitest'
import { makeVideo } from '../../test/fixtures'
import { mergeVideo } from './merge'

describe('mergeVideo', () => {
  const base = makeVideo({ status: 'in_progress', progress: 40 })

  it('takes the first object as new', () => {
    expect(mergeVideo(undefined, base)).toEqual({ video: base, verdict: 'new' })
  })

  it('keeps the current object when the data is equal, for structural sharing', () => {
    const copy = structuredClone(base)
    const result = mergeVideo(base, copy)
    expect(result.verdict).toBe('same')
    expect(result.video).toBe(base)
  })

  it('accepts progress and status moving forward', () => {
    expect(mergeVideo(base, { ...base, progress: 41 }).verdict).toBe('changed')
    expect(mergeVideo(base, { ...base, status: 'completed', progress: 100 }).verdict).toBe('changed')
    expect(mergeVideo(base, { ...base, status: 'failed' }).verdict).toBe('changed')
  })

  it('refuses a status that moves backwards', () => {
    expect(mergeVideo(base, { ...base, status: 'queued', progress: 0 }).verdict).toBe('stale')
  })

  it('refuses lower progress within the same status', () => {
    const result = mergeVideo(base, { ...base, progress: 39 })
    expect(result).toEqual({ video: base, verdict: 'stale' })
  })

  it('never moves a terminal job to another status', () => {
    const done = { ...base, status: 'completed' as const, progress: 100 }
    expect(mergeVideo(done, { ...done, status: 'failed' }).verdict).toBe('stale')
    expect(mergeVideo(done, { ...done, status: 'in_progress', progress: 99 }).verdict).toBe('stale')
    expect(mergeVideo(done, { ...done, expires_at: 123 }).verdict).toBe('changed')
  })

  it('keeps unknown extra fields', () => {
    const extra = { ...base, progress: 50, quality: 'high' }
    expect(mergeVideo(base, extra).video).toHaveProperty('quality', 'high')
  })
})
