import { formatBytes, formatCount, formatRatio, type BarResult, type ScenarioResult } from '../../report'
import { buildStalePackages } from './build-packages'
import { bundleSize, type BundleSize } from './bundle-size'
import { coreBreakdown, type CoreBreakdown } from './core-breakdown'
import { SIZE_ENTRIES, type SizeEntry } from './entries'
import { redesignComparison } from './redesign'
import { runSizeLimit, type SizeLimitCheck } from './size-limit'

/** One measured entry. */
export interface SizeRow {
  readonly entry: SizeEntry
  readonly minifiedBytes: number
  readonly gzipBytes: number
}

/**
 * Scenario 5: min+gzip of each package's public entry and of a typical import, beside TanStack Query and
 * SWR, plus the all-in cost of a React app and a breakdown of core's bytes.
 *
 * @example const result = await runSize({ quick: true })
 */
export async function runSize(_options: { quick: boolean }): Promise<ScenarioResult> {
  const built = await buildStalePackages()
  const rows: SizeRow[] = []
  for (const entry of SIZE_ENTRIES) {
    const size: BundleSize = await bundleSize(entry.source, entry.external)
    rows.push({ entry, minifiedBytes: size.minifiedBytes, gzipBytes: size.gzipBytes })
  }
  return report(rows, await runSizeLimit(), await coreBreakdown(), built)
}

function report(
  rows: SizeRow[],
  checks: readonly SizeLimitCheck[],
  breakdown: CoreBreakdown,
  built: readonly string[],
): ScenarioResult {
  const byLabel = (label: string): SizeRow => rows.find((row) => row.entry.label.startsWith(label)) as SizeRow
  const vidjobAllIn = byLabel('vidjob for React')
  const tanstackAllIn = byLabel('TanStack Query for React')
  const redesign = redesignComparison(
    rows.map((row) => ({ label: row.entry.label, gzipBytes: row.gzipBytes })),
  )
  return {
    name: 'size',
    tables: [
      {
        title: '5. Bundle size (esbuild, minified, ESM, NODE_ENV=production, gzip -9; dist of each package)',
        columns: ['entry', 'kind', 'external', 'minified', 'min+gzip', 'vidjob ÷ TanStack counterpart'],
        rows: rows.map((row) => [
          row.entry.label,
          row.entry.kind,
          row.entry.external
            .filter((name) => !name.startsWith('react/') && name !== 'react-dom')
            .join(', ') || '–',
          formatBytes(row.minifiedBytes),
          formatBytes(row.gzipBytes),
          ratioToCounterpart(row, rows),
        ]),
        notes: [
          'The ratio compares each vidjob row with the TanStack Query package of the same role and kind: core with query-core (vidjob’s core without rxjs and zod, the budgets’ terms; query-core has no dependencies), each binding with TanStack’s binding with query-core external, all-in with all-in.',
          `All-in: vidjob for React is ${formatBytes(vidjobAllIn.gzipBytes)} vs ${formatBytes(tanstackAllIn.gzipBytes)} for @tanstack/react-query (${formatRatio(vidjobAllIn.gzipBytes, tanstackAllIn.gzipBytes)}).`,
          ...(built.length > 0 ? [`Built before measuring: ${built.join(', ')}.`] : []),
        ],
      },
      {
        title:
          '5a. Budgets (size-limit on each dist, min+gzip, peers external: what `pnpm --filter @vidjob/benchmarks size` enforces)',
        columns: ['check', 'size', 'limit', 'status'],
        rows: checks.map((check) => [
          check.name,
          `${formatCount(check.size)} B`,
          check.sizeLimit === undefined ? '–' : `${formatCount(check.sizeLimit)} B`,
          check.passed === undefined ? '' : check.passed ? 'within' : 'OVER',
        ]),
        notes: [
          'size-limit wraps the import in its own entry and subtracts an empty project, so its figures differ from 5. by a few bytes.',
        ],
      },
      redesign.table,
      {
        title: `5b. What @vidjob/core's whole entry is made of (sources bundled the same way: ${formatBytes(breakdown.minifiedBytes)} minified, ${formatBytes(breakdown.gzipBytes)} min+gzip)`,
        columns: ['source file', 'minified', 'share'],
        rows: [
          ...breakdown.modules.map((module) => [
            module.file,
            formatBytes(module.minifiedBytes),
            `${(module.share * 100).toFixed(1)} %`,
          ]),
          [
            'string and template literals (all files)',
            formatBytes(breakdown.stringLiteralBytes),
            `${((breakdown.stringLiteralBytes / breakdown.minifiedBytes) * 100).toFixed(1)} %`,
          ],
        ],
      },
    ],
    bars: [...bars(checks), allInAim(vidjobAllIn, tanstackAllIn), ...redesign.bars],
    data: {
      rows: rows.map(({ entry, ...sizes }) => ({ ...entry, ...sizes })),
      sizeLimit: checks,
      coreBreakdown: breakdown,
    },
  }
}

/** The budgets, in bytes of min+gzip of each whole entry (rxjs, zod and the frameworks excluded). */
const TARGETS: Readonly<Record<string, number>> = { core: 6_000, react: 1_500, vue: 1_500 }

/** The TanStack Query package that plays the same role as each vidjob package. */
const TANSTACK_COUNTERPART: Readonly<Record<string, string>> = {
  '@vidjob/core': '@tanstack/query-core',
  '@vidjob/react': '@tanstack/react-query binding',
  '@vidjob/vue': '@tanstack/vue-query binding',
  'vidjob all-in': 'TanStack all-in',
}

function ratioToCounterpart(row: SizeRow, rows: readonly SizeRow[]): string {
  const library = TANSTACK_COUNTERPART[row.entry.library]
  const other = rows.find(
    (candidate) => candidate.entry.library === library && candidate.entry.kind === row.entry.kind,
  )
  return other === undefined ? '–' : formatRatio(row.gzipBytes, other.gzipBytes)
}

/** The aim: everything a React app adds for vidjob no larger than `@tanstack/react-query` alone. */
function allInAim(vidjob: SizeRow, tanstack: SizeRow): BarResult {
  return {
    scenario: 'size',
    bar: 'aim: all-in for a React app (core + react + the rxjs, zod and dequal they pull in) ≤ @tanstack/react-query alone',
    measured: `${formatBytes(vidjob.gzipBytes)} vs ${formatBytes(tanstack.gzipBytes)} (${formatRatio(vidjob.gzipBytes, tanstack.gzipBytes)})`,
    cleared: vidjob.gzipBytes <= tanstack.gzipBytes,
  }
}

function bars(checks: readonly SizeLimitCheck[]): BarResult[] {
  return checks.flatMap((check) => {
    const target = check.name.includes('(whole entry)')
      ? Object.entries(TARGETS).find(([name]) => check.name.startsWith(`@vidjob/${name} `))?.[1]
      : undefined
    const results: BarResult[] = []
    if (target !== undefined)
      results.push({
        scenario: 'size',
        bar: `bar: ${check.name} ≤ ${formatCount(target)} B min+gzip (the issue's target)`,
        measured: `${formatCount(check.size)} B (${formatRatio(check.size, target)} of the target)`,
        cleared: check.size <= target,
      })
    if (check.sizeLimit !== undefined)
      results.push({
        scenario: 'size',
        bar: `CI budget: ${check.name} ≤ ${formatCount(check.sizeLimit)} B min+gzip (size-limit; no growth)`,
        measured: `${formatCount(check.size)} B (${formatRatio(check.size, check.sizeLimit)} of the budget)`,
        cleared: check.passed === true,
      })
    return results
  })
}
