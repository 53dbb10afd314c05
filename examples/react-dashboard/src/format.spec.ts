import type { VideoStatus } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { formatEta, formatTimeAgo, statusLabel } from './format'

const NOW = Date.UTC(2026, 0, 2, 12)
const secondsAgo = (seconds: number) => NOW / 1000 - seconds

describe('formatTimeAgo', () => {
  it.each([
    [0, 'just now'],
    [44, 'just now'],
    [60, '1 minute ago'],
    [59 * 60, '59 minutes ago'],
    [2 * 3600, '2 hours ago'],
    [86_400, 'yesterday'],
    [3 * 86_400, '3 days ago'],
  ])('%i s ago reads "%s"', (seconds, text) => {
    expect(formatTimeAgo(secondsAgo(seconds), NOW)).toBe(text)
  })

  it('reads a time slightly in the future (clock skew) as just now', () => {
    expect(formatTimeAgo(secondsAgo(-30), NOW)).toBe('just now')
  })
})

describe('formatEta', () => {
  it.each([
    [undefined, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [800, 'almost done'],
    [12_400, 'about 12 s left'],
    [89_000, 'about 89 s left'],
    [150_000, 'about 3 min left'],
  ])('%s ms reads %s', (eta, text) => {
    expect(formatEta(eta)).toBe(text)
  })
})

describe('statusLabel', () => {
  it('names every status and the not-yet-loaded state', () => {
    const statuses: (VideoStatus | undefined)[] = ['queued', 'in_progress', 'completed', 'failed', undefined]
    expect(statuses.map(statusLabel)).toEqual(['Queued', 'Rendering', 'Ready', 'Failed', 'Loading'])
  })
})
