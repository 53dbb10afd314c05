import { describe, expect, it } from 'vitest'
import { formatEta, formatProgress, formatRelativeTime, formatStatus, formatTimestamp } from './format'

const NOW = Date.UTC(2026, 0, 1, 12)

describe('formatRelativeTime', () => {
  it.each([
    [0, 'just now'],
    [3_000, 'just now'],
    [42_000, '42 sec. ago'],
    [90_000, '1 min. ago'],
    [150_000, '2 min. ago'],
    [3 * 3_600_000, '3 hr. ago'],
    [86_400_000, 'yesterday'],
    [21 * 86_400_000, '3 wk. ago'],
  ])('%i ms ago reads %s', (ago, text) => {
    expect(formatRelativeTime(NOW - ago, NOW)).toBe(text)
  })
})

describe('formatEta', () => {
  it.each([
    [0, 'about 1 s left'],
    [12_400, 'about 13 s left'],
    [59_000, 'about 59 s left'],
    [61_000, 'about 2 min left'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatEta(ms)).toBe(text)
  })
})

describe('formatProgress', () => {
  it('says a queued job waits, a done one is done, and estimates until there is an ETA', () => {
    const job = { progress: 42.6, eta: undefined, updatedAt: NOW }
    expect(formatProgress({ ...job, status: 'queued' }, NOW)).toBe('Waiting for a render slot')
    expect(formatProgress({ ...job, status: 'in_progress' }, NOW)).toBe('43% · estimating…')
    expect(formatProgress({ ...job, status: 'completed' }, NOW)).toBe('Done')
  })

  it('counts the estimate down from when it was made', () => {
    const job = { status: 'in_progress' as const, progress: 40, eta: 10_000, updatedAt: NOW }
    expect(formatProgress(job, NOW)).toBe('40% · about 10 s left')
    expect(formatProgress(job, NOW + 4_000)).toBe('40% · about 6 s left')
  })
})

describe('formatStatus / formatTimestamp', () => {
  it('labels every status and the unknown one', () => {
    expect(
      ['queued', 'in_progress', 'completed', 'failed', undefined].map((s) => formatStatus(s as never)),
    ).toEqual(['Queued', 'Rendering', 'Ready', 'Failed', 'Loading'])
  })

  it('shows a dash for a missing timestamp', () => {
    expect(formatTimestamp(null)).toBe('—')
    expect(formatTimestamp(0)).toMatch(/1970/)
  })
})
