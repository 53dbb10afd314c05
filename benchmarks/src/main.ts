/**
 * `pnpm --filter @vidjob/benchmarks bench [--quick] [--only=requests,cpu] [--no-docs]`: runs every
 * scenario in its own process, prints the tables and the bars, writes results.json and, for a full run,
 * refreshes docs/benchmarks.md and its chart.
 */
import { mkdir } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { runChild } from './child-process'
import { writeDocs } from './docs'
import { describeMachine } from './machine'
import { parseBenchOptions } from './options'
import type { BenchReport, ScenarioResult } from './report'
import { SCENARIO_NODE_ENV } from './scenarios'
import { textBars, textTable } from './text-table'
import { writeFormatted } from './write-formatted'

const packageDir = new URL('..', import.meta.url)
const options = parseBenchOptions(process.argv.slice(2))
const machine = describeMachine()
console.log(
  `vidjob benchmarks (${options.quick ? 'quick' : 'full'}) on ${machine.cpuModel}, ${machine.nproc} cores, Node ${machine.node}, load average ${machine.loadAverage}\n`,
)

const benchStarted = performance.now()
const results: ScenarioResult[] = []
for (const name of options.scenarios) {
  const started = performance.now()
  const args = options.quick ? [name, '--quick'] : [name]
  const result = await runChild<ScenarioResult>('src/run-scenario.ts', args, {
    NODE_ENV: SCENARIO_NODE_ENV[name],
  })
  results.push(result)
  for (const table of result.tables) console.log(`${textTable(table)}\n`)
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`)
}

const minutes = (performance.now() - benchStarted) / 60_000
console.log(`All scenarios: ${minutes.toFixed(1)} min; load average now ${loadavg()[0]?.toFixed(2)}\n`)
const bars = results.flatMap((result) => result.bars)
console.log(
  `Bars${options.quick ? ' (quick run: reduced workloads, a smoke test; judge bars on a full run)' : ''}\n${textBars(bars)}\n`,
)
const report: BenchReport = {
  generatedAt: new Date().toISOString(),
  mode: options.quick ? 'quick' : 'full',
  machine,
  scenarios: Object.fromEntries(results.map((result) => [result.name, result])),
}
const resultsPath = new URL(options.resultsFile, packageDir)
await mkdir(new URL('.', resultsPath), { recursive: true })
console.log(`Wrote ${await writeFormatted(resultsPath, JSON.stringify(report))}`)
if (options.writeDocs) for (const path of await writeDocs(report)) console.log(`Wrote ${path}`)
