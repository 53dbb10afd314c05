import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { barChartSvg } from './chart-svg'
import { formatCount, formatMs, type BenchReport } from './report'
import type { RequestsTotals } from './scenarios/requests/index'
import type { RequestsWorkload } from './scenarios/requests/workload'
import { markdownTable } from './text-table'
import { writeFormatted } from './write-formatted'

const docsDir = new URL('../../docs/', import.meta.url)
const BEGIN = '<!-- bench:results:begin -->'
const END = '<!-- bench:results:end -->'

/**
 * Refreshes what docs/benchmarks.md shows of a run — the machine, every table, the bars — between its
 * `bench:results` markers, and redraws docs/benchmarks-requests.svg. The prose around them is kept.
 *
 * @example await writeDocs(JSON.parse(await readFile('results.json', 'utf8')))
 */
export async function writeDocs(report: BenchReport): Promise<string[]> {
  const written: string[] = []
  const requests = report.scenarios.requests?.data as RequestsData | undefined
  if (requests !== undefined) {
    const chart = new URL('benchmarks-requests.svg', docsDir)
    await writeFile(chart, requestsChart(requests))
    written.push(fileURLToPath(chart))
  }
  const page = new URL('benchmarks.md', docsDir)
  const current = await readFile(page, 'utf8')
  const start = current.indexOf(BEGIN)
  const end = current.indexOf(END)
  if (start === -1 || end < start) throw new Error(`docs/benchmarks.md lacks the ${BEGIN} … ${END} markers.`)
  const next = `${current.slice(0, start + BEGIN.length)}\n\n${resultsMarkdown(report)}\n\n${current.slice(end)}`
  written.push(await writeFormatted(page, next))
  return written
}

function resultsMarkdown(report: BenchReport): string {
  const { machine } = report
  const scenarios = Object.values(report.scenarios)
  const bars = scenarios.flatMap((scenario) => scenario.bars)
  return [
    `Measured ${report.generatedAt.slice(0, 10)} (\`pnpm --filter @vidjob/benchmarks bench\`, ${report.mode} run) on ${machine.cpuModel}, nproc ${machine.nproc}, Node ${machine.node}, ${machine.platform}${machine.loadAverage === undefined ? '' : `, load average ${machine.loadAverage} at the start`}.`,
    '',
    '![HTTP requests and completion-detection latency](benchmarks-requests.svg)',
    '',
    ...scenarios.flatMap((scenario) => scenario.tables.map((table) => `${markdownTable(table)}\n`)),
    '#### Bars',
    '',
    ...bars.map(
      (bar) =>
        `- ${bar.cleared ? '✔ cleared' : '✘ **not cleared**'} — ${bar.scenario}: ${bar.bar}. Measured: ${bar.measured}.`,
    ),
  ].join('\n')
}

/** What the requests scenario stores in results.json. */
interface RequestsData {
  readonly workload: RequestsWorkload
  readonly seeds: readonly number[]
  readonly contenders: readonly RequestsTotals[]
}

function requestsChart({ workload, seeds, contenders }: RequestsData): string {
  return barChartSvg(
    `${workload.jobs} jobs × ${workload.observers} observers, ${seeds.length} seeded runs — same mock API, same fake clock`,
    [
      {
        title: 'HTTP requests (fewer is better)',
        groups: contenders.map((c) => ({
          label: c.name,
          bars: [{ series: 'requests', value: c.requests, text: formatCount(c.requests) }],
        })),
      },
      {
        title: 'Completion detection latency, server end → UI (lower is better)',
        groups: contenders.map((c) => ({
          label: c.name,
          bars: [
            {
              series: 'median',
              value: c.detectionLatencyMs.median,
              text: `median ${formatMs(c.detectionLatencyMs.median)}`,
            },
            {
              series: 'p95',
              value: c.detectionLatencyMs.p95,
              text: `p95 ${formatMs(c.detectionLatencyMs.p95)}`,
            },
          ],
        })),
      },
    ],
  )
}
