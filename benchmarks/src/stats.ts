/** A distribution summed up: the middle, the tail and the range. */
export interface Summary {
  readonly count: number
  readonly median: number
  readonly p95: number
  readonly min: number
  readonly max: number
}

/**
 * The value below which `q` (0–1) of the sorted values fall, interpolated between neighbours (the
 * method of numpy's default and of most spreadsheets).
 *
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const low = sorted[below] as number
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number
  return low + (high - low) * (position - below)
}

/**
 * Median, p95 and range of a sample.
 *
 * @example summarize([10, 20, 30]).median // 20
 */
export function summarize(values: readonly number[]): Summary {
  return {
    count: values.length,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
  }
}

/**
 * `a / b`, or undefined when `b` is zero (a ratio the table prints as "–").
 *
 * @example ratio(1, 4) // 0.25
 */
export function ratio(a: number, b: number): number | undefined {
  return b === 0 ? undefined : a / b
}
