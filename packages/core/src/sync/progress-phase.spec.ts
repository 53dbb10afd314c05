import { describe, expect, it } from 'vitest'
import { ProgressPhase } from './progress-phase'

/** A render that started at `start` and gains a point every `msPerPoint`, read as the mock reads it. */
function render(start: number, msPerPoint: number) {
  const phase = new ProgressPhase()
  const read = (at: number, roundTrip = 150): void =>
    phase.add(at, at + roundTrip, Math.floor((at - start) / msPerPoint))
  return { phase, read }
}

describe('ProgressPhase', () => {
  it('knows nothing until two readings differ', () => {
    const { phase, read } = render(0, 1_000)
    read(500)
    read(700)
    expect(phase.crossing(99)).toBeUndefined()
  })

  it('always holds the true crossing, and pins it far below a point when read where it asks', () => {
    const { phase, read } = render(0, 3_000)
    read(100)
    read(24_400)
    const early = phase.crossing(99) as { lo: number; hi: number }
    expect(early.lo).toBeLessThanOrEqual(297_000)
    expect(early.hi).toBeGreaterThanOrEqual(297_000)
    // Each next reading in the middle of the window of the next step (8 points on), as the poller does.
    for (let point = 16; point < 99; point += 8) {
      const window = phase.crossing(point) as { lo: number; hi: number }
      read((window.lo + window.hi) / 2)
    }
    const late = phase.crossing(99) as { lo: number; hi: number }
    expect(late.lo).toBeLessThanOrEqual(297_000)
    expect(late.hi).toBeGreaterThanOrEqual(297_000)
    // A sixth of a point, from a point wide after the first two readings.
    expect(late.hi - late.lo).toBeLessThan(500)
  })

  it('forgets readings that contradict the newer ones: a render that sped up', () => {
    const phase = new ProgressPhase()
    // 2 s a point for 40 points, then 1 s a point from 80 s on.
    for (let at = 0; at <= 80_000; at += 10_000) phase.add(at, at + 100, Math.floor(at / 2_000))
    for (let at = 85_000; at <= 120_000; at += 5_000)
      phase.add(at, at + 100, 40 + Math.floor((at - 80_000) / 1_000))
    const window = phase.crossing(99) as { lo: number; hi: number }
    // 59 more points after 80 s at 1 s each.
    expect(window.lo).toBeLessThanOrEqual(139_000)
    expect(window.hi).toBeGreaterThanOrEqual(139_000)
    expect(window.hi - window.lo).toBeLessThan(3_000)
  })
})
