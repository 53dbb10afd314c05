import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from './scenarios'

/** What `pnpm bench` was asked to do. */
export interface BenchOptions {
  /** The seconds-long smoke version CI runs: fewer jobs, cycles and repeats; docs are not rewritten. */
  readonly quick: boolean
  readonly scenarios: readonly ScenarioName[]
  /** Where results go: results.json for a full run of every scenario, .tmp/ for anything less. */
  readonly resultsFile: string
  /** Rewrite docs/benchmarks.md's results and the SVG chart (full runs of every scenario only). */
  readonly writeDocs: boolean
}

/**
 * Parses `--quick`, `--only=requests,cpu` and `--no-docs`.
 *
 * @example parseBenchOptions(['--quick']).quick // true
 */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick')
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
  const scenarios = only === undefined ? [...SCENARIO_NAMES] : only.split(',').filter((name) => name !== '')
  const unknown = scenarios.filter((name) => !isScenarioName(name))
  if (unknown.length > 0)
    throw new Error(`Unknown scenario ${unknown.join(', ')}; pick from ${SCENARIO_NAMES.join(', ')}.`)
  // Only a full run of every scenario replaces the results the docs were made from.
  const official = !quick && only === undefined
  return {
    quick,
    scenarios: scenarios as ScenarioName[],
    resultsFile: official ? 'results.json' : `.tmp/results-${quick ? 'quick' : 'partial'}.json`,
    writeDocs: official && !argv.includes('--no-docs'),
  }
}
