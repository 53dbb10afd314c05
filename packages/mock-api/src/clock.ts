/** Where the mock reads the time, in ms since the epoch. */
export interface MockClock {
  now(): number
}

/** A clock that moves only when told to, for tests that step through a job's life. */
export interface ManualClock extends MockClock {
  /** Moves the time forward by `ms` (never backwards). */
  advance(ms: number): void
  /** Jumps to `ms` since the epoch. */
  set(ms: number): void
}

/** Where a manual clock starts unless told otherwise: 2026-01-01T00:00:00Z. */
export const DEFAULT_MANUAL_CLOCK_START = Date.UTC(2026, 0, 1)

/**
 * A clock that starts at `startMs` and moves only through `advance` / `set`.
 *
 * @example
 * const clock = createManualClock()
 * const api = createMockVideoApi({ clock })
 * clock.advance(2_000) // the first job leaves 'queued'
 */
export function createManualClock(startMs: number = DEFAULT_MANUAL_CLOCK_START): ManualClock {
  assertFiniteTime(startMs, 'createManualClock(startMs)')
  let current = startMs
  return {
    now: () => current,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(
          `clock.advance(ms) needs a finite ms >= 0, got ${ms}. Use clock.set(ms) to go back.`,
        )
      }
      current += ms
    },
    set(ms) {
      assertFiniteTime(ms, 'clock.set(ms)')
      current = ms
    },
  }
}

/**
 * The real clock. It reads `Date.now` at each call, not once, so vitest fake timers
 * (`vi.setSystemTime`, `vi.advanceTimersByTime`) drive it too.
 */
export function createSystemClock(): MockClock {
  return { now: () => Date.now() }
}

/** Whether a clock can be moved by the mock's `advance(ms)`. */
export function isManualClock(clock: MockClock): clock is ManualClock {
  const candidate = clock as Partial<ManualClock>
  return typeof candidate.advance === 'function' && typeof candidate.set === 'function'
}

function assertFiniteTime(ms: number, where: string): void {
  if (!Number.isFinite(ms))
    throw new RangeError(`${where} needs a finite number of ms since the epoch, got ${ms}.`)
}
