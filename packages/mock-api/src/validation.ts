/**
 * Throws a `RangeError` naming `name` unless `value` is a finite number >= 0, so a typo in an option
 * fails at the call that made it rather than as a job that never finishes.
 */
export function assertNonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${String(value)}.`)
  }
}

/** Throws a `RangeError` naming `name` unless `value` is a probability between 0 and 1. */
export function assertProbability(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`${name} must be a number from 0 to 1, got ${String(value)}.`)
  }
}

/** Throws a `RangeError` naming `name` unless `value` is an integer from `min` to `max`. */
export function assertIntegerIn(value: number, min: number, max: number, name: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}.`)
  }
}
