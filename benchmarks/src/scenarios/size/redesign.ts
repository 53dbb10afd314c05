import { readFileSync } from 'node:fs'
import { formatBytes, formatRatio, type BarResult, type ReportTable } from '../../report'

/** A measured row the comparison needs: its label and min+gzip bytes. */
interface Measured {
  readonly label: string
  readonly gzipBytes: number
}

interface Baseline {
  readonly commit: string
  readonly gzipBytes: Readonly<Record<string, number>>
}

/** Each figure of the baseline, and the row of this run that measures the same thing. */
const SAME_THING: readonly (readonly [baseline: string, now: string])[] = [
  ['core root entry (export *)', '@vidjob/core (export *)'],
  [
    'core root entry { createVideoClient, createFetchTransport }',
    '@vidjob/core { createVideoClient, createFetchTransport }',
  ],
  ['@vidjob/react (export *)', '@vidjob/react (export *)'],
  ['@vidjob/vue (export *)', '@vidjob/vue (export *)'],
  ['all-in for React', 'vidjob for React: core + react typical, with rxjs, zod and dequal'],
]

/** The redesign's size bars (issue 12), in min+gzip bytes. */
const ROOT_SHARE = 0.75
const BINDING_LIMIT = 1_200

function readBaseline(): Baseline {
  return JSON.parse(
    readFileSync(new URL('../../../baselines/before-core-redesign.json', import.meta.url), 'utf8'),
  ) as Baseline
}

/**
 * The core redesign's sizes beside the last measurement before it (a committed baseline of the same
 * scenario), and its bars: the root entry a React app imports a quarter smaller, each binding ≤ 1.2 kB,
 * the all-in figure for a React app down.
 */
export function redesignComparison(rows: readonly Measured[]): { table: ReportTable; bars: BarResult[] } {
  const baseline = readBaseline()
  const now = (label: string): number => (rows.find((row) => row.label === label) as Measured).gzipBytes
  const pairs = SAME_THING.map(([before, after]) => ({
    name: before,
    before: baseline.gzipBytes[before] as number,
    after: now(after),
  }))
  const byName = (name: string) => pairs.find((pair) => pair.name === name) as (typeof pairs)[number]
  const root = byName('core root entry (export *)')
  const allIn = byName('all-in for React')
  const bindingBars = ['@vidjob/react (export *)', '@vidjob/vue (export *)'].map((name) => ({
    scenario: 'size',
    bar: `bar (core redesign): ${name} ≤ ${formatBytes(BINDING_LIMIT)} min+gzip`,
    measured: formatBytes(byName(name).after),
    cleared: byName(name).after <= BINDING_LIMIT,
  }))
  return {
    table: {
      title: `5c. The core redesign: sizes before (commit ${baseline.commit}) and now, min+gzip`,
      columns: ['entry', 'before', 'now', 'now ÷ before'],
      rows: pairs.map((pair) => [
        pair.name,
        formatBytes(pair.before),
        formatBytes(pair.after),
        formatRatio(pair.after, pair.before),
      ]),
      notes: [
        'Before: the figures this scenario recorded at that commit (benchmarks/baselines/before-core-redesign.json); now: this run. The root entry then also held the zod schemas, fromOpenAI and the bindings’ helpers, which are now the subpaths /schema, /openai and /bindings (measured in 5.).',
      ],
    },
    bars: [
      {
        scenario: 'size',
        bar: `bar (core redesign): the root entry shrinks by at least a quarter (≤ ${formatBytes(root.before * ROOT_SHARE)})`,
        measured: `${formatBytes(root.after)} vs ${formatBytes(root.before)} (${formatRatio(root.after, root.before)})`,
        cleared: root.after <= root.before * ROOT_SHARE,
      },
      ...bindingBars,
      {
        scenario: 'size',
        bar: 'bar (core redesign): the all-in figure for a React app goes down',
        measured: `${formatBytes(allIn.after)} vs ${formatBytes(allIn.before)} (${formatRatio(allIn.after, allIn.before)})`,
        cleared: allIn.after < allIn.before,
      },
    ],
  }
}
