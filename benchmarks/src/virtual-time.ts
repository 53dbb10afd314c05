import type { FakeClock } from './fake-clock'

/**
 * Thrown by {@link advanceClock} when the process has spent more CPU time than the caller allowed: the
 * scenario reports the size as over the cap instead of hanging the run.
 *
 * @example try { await advanceClock(clock, 5_000, { cpuDeadline }) } catch (error) { if (error instanceof OverCapError) … }
 */
export class OverCapError extends Error {
  constructor(readonly cpuMs: number) {
    super(`Over the CPU cap (${Math.round(cpuMs)} ms of CPU).`)
  }
}

/**
 * The process's CPU time (user + system, every thread), in ms.
 *
 * @example const before = cpuMs(); work(); const spent = cpuMs() - before
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * Resolves once every queued microtask has run: after a real `setImmediate`, which Node runs only when
 * the microtask queue is empty (`setImmediate` is never faked by the benchmarks' clock).
 *
 * @example timer(); await drainMicrotasks()
 */
export function drainMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Options of {@link advanceClock}. */
export interface AdvanceOptions {
  /** Process CPU time (see {@link cpuMs}) past which the advance throws {@link OverCapError}. */
  readonly cpuDeadlineMs?: number
}

/**
 * Moves a fake clock `ms` forward as an event loop would: the due timers fire one at a time, in time
 * order, and every microtask a timer caused (promise continuations, a response's body, the library's
 * reaction) runs before the next timer fires. So answers whose latency ends at the same instant are still
 * separate tasks, never one synchronous batch. Returns how many timers fired.
 *
 * Unlike `clock.tickAsync`, which waits a real `setTimeout` (≥ 1 ms) after every timer, this waits a
 * `setImmediate`: a cycle of 20,000 timers takes a fraction of a second instead of 20 s. Each firing
 * still costs the harness a few µs of CPU; {@link calibrateFiring} measures how many.
 *
 * @example const fired = await advanceClock(clock, 5_000)
 */
export async function advanceClock(
  clock: FakeClock,
  ms: number,
  options: AdvanceOptions = {},
): Promise<number> {
  let reached = false
  // A sentinel at the target: timers due before it (or at it, set before it) fire first, later ones wait.
  const sentinel = clock.setTimeout(() => (reached = true), ms)
  let fired = 0
  try {
    // Whatever the caller just started (a subscription's first request) sets its timers first.
    await drainMicrotasks()
    while (!reached) {
      clock.next()
      await drainMicrotasks()
      fired++
      const deadline = options.cpuDeadlineMs
      if (deadline !== undefined && (fired & 255) === 0) {
        const spent = cpuMs()
        if (spent > deadline) throw new OverCapError(spent)
      }
    }
  } finally {
    clock.clearTimeout(sentinel)
  }
  // The sentinel's own firing is the harness's, not the library's.
  return fired - 1
}

/**
 * CPU µs the harness itself spends per timer firing ({@link advanceClock}'s `clock.next()` and microtask
 * drain on a timer heap of `heapSize` timers, and setting the timer), measured in this process with
 * no-op timers: what a side's firings cost beyond its own work.
 *
 * @example const perFiring = await calibrateFiring(clock, 10_000)
 */
export async function calibrateFiring(clock: FakeClock, heapSize: number, firings = 5_000): Promise<number> {
  const far = Array.from({ length: heapSize }, () => clock.setTimeout(() => undefined, 3_600_000))
  try {
    // One warm-up pass, then the measured one.
    let perFiring = 0
    for (let pass = 0; pass < 2; pass++) {
      const started = cpuMs()
      for (let n = 0; n < firings; n++) clock.setTimeout(() => undefined, 1 + (n % 50))
      await advanceClock(clock, 51)
      perFiring = ((cpuMs() - started) * 1000) / firings
    }
    return perFiring
  } finally {
    far.forEach((timer) => clock.clearTimeout(timer))
  }
}
