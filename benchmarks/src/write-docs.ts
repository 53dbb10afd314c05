/**
 * `pnpm --filter @vidjob/benchmarks docs`: redraws docs/benchmarks.md's results and chart from the last
 * results.json, without measuring again.
 */
import { readFile } from 'node:fs/promises'
import { writeDocs } from './docs'
import type { BenchReport } from './report'

const report = JSON.parse(await readFile(new URL('../results.json', import.meta.url), 'utf8')) as BenchReport
for (const path of await writeDocs(report)) console.log(`Wrote ${path}`)
