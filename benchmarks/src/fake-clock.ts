import { install, type Clock } from '@sinonjs/fake-timers'

/**
 * 2026-01-01T00:00:00Z, the instant every simulated run starts from (as in core's tests).
 *
 * @example installFakeClock(START + 60_000)
 */
export const START = Date.UTC(2026, 0, 1)

/**
 * A fake clock installed over the globals.
 *
 * @example const clock: FakeClock = installFakeClock()
 */
export type FakeClock = Clock & { uninstall(): void }

/**
 * Replaces the timer globals and `Date` with a clock that moves only when told to, so minutes of polling
 * run in milliseconds and both libraries see the same time. Microtasks, `setImmediate` and
 * `performance` stay real: promise chains settle between timers and the harness can still measure.
 *
 * @example
 * const clock = installFakeClock()
 * await clock.tickAsync(5_000)
 * clock.uninstall()
 */
export function installFakeClock(now: number = START): FakeClock {
  return install({
    now,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  }) as FakeClock
}
