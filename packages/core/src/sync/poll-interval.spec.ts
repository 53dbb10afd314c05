import { describe, expect, it } from 'vitest'
import { IDLE_JOB_STATE } from '../store/job-state'
import { PAGED_MAX_INTERVAL, planPollDelay, POLLING_DEFAULTS, type PollContext } from './poll-interval'
import type { PollingOptions, VideoJobState } from '../types'

const NOW = 1_000_000

/** The delay alone. */
function nextPollDelay(
  state: VideoJobState,
  now: number,
  options: PollingOptions,
  pollAfterMs: number | undefined,
  context: PollContext = {},
): number {
  return planPollDelay(state, now, options, pollAfterMs, context).delay
}

/** A job in progress that gains one point per second (so `eta` is 1 s per missing point). */
function rendering(progress: number, sinceUpdateMs = 0): VideoJobState {
  return {
    ...IDLE_JOB_STATE,
    id: 'v',
    status: 'in_progress',
    progress,
    eta: (100 - progress) * 1_000,
    updatedAt: NOW - sinceUpdateMs,
  }
}

describe('nextPollDelay', () => {
  it('polls when the bar is due to move by the visible step (8 points), counted from the last change', () => {
    expect(POLLING_DEFAULTS.progressStep).toBe(8)
    expect(nextPollDelay(rendering(20), NOW, {}, undefined)).toBe(8_000)
    expect(nextPollDelay(rendering(20, 3_000), NOW, {}, undefined)).toBe(5_000)
  })

  it('aims at completion a point early when that comes before the next step', () => {
    expect(nextPollDelay(rendering(95), NOW, {}, undefined)).toBe(4_000)
  })

  it('clamps to minInterval and maxInterval', () => {
    expect(nextPollDelay(rendering(99, 5_000), NOW, {}, undefined)).toBe(1_000)
    const slow = { ...rendering(10), eta: 9_000_000 }
    expect(nextPollDelay(slow, NOW, {}, undefined)).toBe(30_000)
    expect(nextPollDelay(slow, NOW, { maxInterval: 60_000 }, undefined)).toBe(60_000)
  })

  it('lets the server hint (floored at minInterval, not capped) and then a user interval win', () => {
    expect(nextPollDelay(rendering(20), NOW, {}, 2_500)).toBe(2_500)
    expect(nextPollDelay(rendering(20), NOW, {}, 90_000)).toBe(90_000)
    // Never below the floor: a hint of 0 from a misconfigured proxy is not a request storm.
    expect(nextPollDelay(rendering(20), NOW, {}, 0)).toBe(1_000)
    expect(nextPollDelay(rendering(20), NOW, { minInterval: 200 }, 0)).toBe(200)
    expect(nextPollDelay(rendering(20), NOW, { interval: 750 }, 2_500)).toBe(750)
    expect(nextPollDelay(rendering(20), NOW, { interval: (s) => s.progress * 10 }, undefined)).toBe(200)
  })

  it('waits the unknown-rate interval while queued or not yet seen moving', () => {
    expect(nextPollDelay({ ...IDLE_JOB_STATE, status: 'queued', updatedAt: NOW }, NOW, {}, undefined)).toBe(
      5_000,
    )
    // Still for 12 s (a server that reports no progress until the end): it may complete at any moment,
    // so the wait does not grow with the stillness.
    const notMoving = { ...rendering(3, 12_000), eta: undefined }
    expect(nextPollDelay(notMoving, NOW, {}, undefined)).toBe(5_000)
  })

  it('lets a job that shares pages wait half again as long for its steps, never past its end or 7.5 s', () => {
    const paged = { paged: true }
    // A step is 8 s away alone, 12 s shared: capped at the paged job's longest wait.
    expect(nextPollDelay(rendering(20), NOW, {}, undefined, paged)).toBe(PAGED_MAX_INTERVAL)
    expect(nextPollDelay({ ...rendering(20), eta: 40_000 }, NOW, {}, undefined, paged)).toBe(6_000)
    expect(nextPollDelay({ ...rendering(20), eta: 40_000 }, NOW, {}, undefined)).toBe(4_000)
    // The end is 10 s away: the stretched step (12 s) would pass it, so the poll aims a point before it.
    expect(planPollDelay(rendering(90), NOW, {}, undefined, paged)).toEqual({
      delay: 7_500,
      aimsAtEnd: false,
    })
    expect(planPollDelay(rendering(94), NOW, {}, undefined, paged)).toEqual({ delay: 5_000, aimsAtEnd: true })
    // Not seen moving: 5 s alone, 7.5 s shared. A user interval and the server's hint are not stretched.
    expect(nextPollDelay({ ...rendering(3), eta: undefined }, NOW, {}, undefined, paged)).toBe(7_500)
    expect(nextPollDelay(rendering(20), NOW, { interval: 5_000 }, undefined, paged)).toBe(5_000)
    expect(nextPollDelay(rendering(20), NOW, {}, 20_000, paged)).toBe(20_000)
  })

  it("says which polls look for the job's end", () => {
    expect(planPollDelay(rendering(20), NOW, {}, undefined).aimsAtEnd).toBe(false)
    expect(planPollDelay(rendering(95), NOW, {}, undefined)).toEqual({ delay: 4_000, aimsAtEnd: true })
    // Overdue: still rendering after its predicted end.
    expect(planPollDelay(rendering(99, 5_000), NOW, {}, undefined, { quick: true }).aimsAtEnd).toBe(true)
  })

  it('with its ticks pinned, looks for the end within the window of 99, just after it, then 100', () => {
    const crossings: Record<number, { lo: number; hi: number }> = {
      28: { lo: NOW + 9_000, hi: NOW + 9_200 },
      99: { lo: NOW + 40_000, hi: NOW + 40_100 },
      100: { lo: NOW + 41_000, hi: NOW + 41_100 },
    }
    const phase = { crossing: (point: number) => crossings[point] }
    // The step (20 → 28) comes first: polled in the middle of its window, so the answer halves it.
    expect(planPollDelay(rendering(20), NOW, {}, undefined, { phase })).toEqual({
      delay: 9_100,
      aimsAtEnd: false,
    })
    crossings[98] = { lo: NOW - 1_000, hi: NOW - 900 }
    crossings[99] = { lo: NOW + 300, hi: NOW + 400 }
    crossings[100] = { lo: NOW + 1_300, hi: NOW + 1_400 }
    // A first look in the middle of the window of 99, then just after its latest instant.
    expect(planPollDelay(rendering(98), NOW, {}, undefined, { phase, quick: true })).toEqual({
      delay: 350,
      aimsAtEnd: true,
    })
    expect(planPollDelay(rendering(98), NOW + 350, {}, undefined, { phase, quick: true })).toEqual({
      delay: 55,
      aimsAtEnd: true,
    })
    // Past the latest 99: the bar may go to 100 before the end.
    expect(planPollDelay(rendering(98), NOW + 500, {}, undefined, { phase, quick: true })).toEqual({
      delay: 905,
      aimsAtEnd: true,
    })
    // Without quick polls left, not sooner than minInterval.
    expect(planPollDelay(rendering(98), NOW, {}, undefined, { phase }).delay).toBe(1_000)
  })
})
