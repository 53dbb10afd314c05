import type { MachineInfo } from './machine'

/**
 * A table a scenario hands to the report, already formatted.
 *
 * @example console.log(textTable({ title: 'x', columns: ['a'], rows: [['1']] }))
 */
export interface ReportTable {
  readonly title: string
  readonly columns: readonly string[]
  readonly rows: readonly (readonly string[])[]
  /** Lines printed under the table: configuration and caveats. */
  readonly notes?: readonly string[]
}

/**
 * One bar of the issue, judged.
 *
 * @example const bar: BarResult = { scenario: 'cpu', bar: 'bar: 2× faster', measured: '2.1×', cleared: true }
 */
export interface BarResult {
  readonly scenario: string
  /** The bar as the issue states it. */
  readonly bar: string
  /** What was measured, with the ratio. */
  readonly measured: string
  readonly cleared: boolean
}

/**
 * What every scenario returns: tables for people, bars, and its raw data for results.json.
 *
 * @example const result: ScenarioResult = await runScenario('size', { quick: true })
 */
export interface ScenarioResult {
  readonly name: string
  readonly tables: readonly ReportTable[]
  readonly bars: readonly BarResult[]
  readonly data: unknown
}

/**
 * A count with thousands separators.
 *
 * @example formatCount(1895) // '1,895'
 */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}

/**
 * A mean count (per interval, per run): one decimal below 10, so 0.2 requests do not read as none.
 *
 * @example formatMeanCount(0.24) // '0.2'; formatMeanCount(1234.5) // '1,235'
 */
export function formatMeanCount(value: number): string {
  return Math.abs(value) < 10 ? value.toFixed(1) : formatCount(value)
}

/**
 * Milliseconds, to three significant digits or whole ms.
 *
 * @example formatMs(4460) // '4,460 ms'
 */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '–'
  if (Math.abs(value) >= 100) return `${formatCount(value)} ms`
  return `${Number(value.toPrecision(3))} ms`
}

/**
 * Bytes as B, kB or MB (1 kB = 1000 B, as size-limit prints them).
 *
 * @example formatBytes(5432) // '5.43 kB'
 */
export function formatBytes(value: number): string {
  if (Math.abs(value) >= 1_000_000) return `${(value / 1_000_000).toFixed(2)} MB`
  return Math.abs(value) >= 1000 ? `${(value / 1000).toFixed(2)} kB` : `${Math.round(value)} B`
}

/**
 * A ratio `a / b` as a decimal and, below 1, as "1/N".
 *
 * @example formatRatio(73, 1895) // '0.039 (1/26)'; formatRatio(3, 2) // '1.50×'
 */
export function formatRatio(a: number, b: number): string {
  if (b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return '–'
  const value = a / b
  if (value === 0) return '0'
  const decimal = value >= 0.1 ? value.toFixed(2) : value.toPrecision(2)
  const inverse = 1 / value
  // One decimal while it matters: 1/24.6 misses a 1/25 aim that "1/25" would seem to meet.
  const fraction = inverse < 100 ? Number(inverse.toFixed(1)) : Math.round(inverse)
  return value < 0.5 ? `${decimal} (1/${fraction})` : `${decimal}×`
}

/**
 * A median with its spread.
 *
 * @example formatSpread(1.2, 1.1, 1.5, formatMs) // '1.2 ms (1.1–1.5)'
 */
export function formatSpread(
  median: number,
  low: number,
  high: number,
  format: (v: number) => string,
): string {
  return `${format(median)} (${format(low).replace(/ \S+$/, '')}–${format(high).replace(/ \S+$/, '')})`
}

/**
 * The range of some counts as "a–b", or "a" when they are all the same.
 *
 * @example formatRange([5, 20, 10]) // '5–20'
 */
export function formatRange(values: readonly number[]): string {
  const [min, max] = [Math.min(...values), Math.max(...values)]
  return min === max ? formatCount(min) : `${formatCount(min)}–${formatCount(max)}`
}

/**
 * results.json: one run of `pnpm bench`.
 *
 * @example const report = JSON.parse(await readFile('results.json', 'utf8')) as BenchReport
 */
export interface BenchReport {
  readonly generatedAt: string
  readonly mode: 'quick' | 'full'
  readonly machine: MachineInfo
  readonly scenarios: Readonly<Record<string, ScenarioResult>>
}
