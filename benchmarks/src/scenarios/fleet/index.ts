import { startRedis } from '../../../../packages/server/test/redis-server'
import { formatCount, formatMs, formatRatio, type ScenarioResult } from '../../report'
import { quantile } from '../../stats'
import { jobsOf, viewersOf, type FanoutWorkload } from '../fanout/workload'
import { measureFleet, type FleetRun } from './side'
import { streamsPerBrowser } from './tabs'

/** The fan-out workload with fewer viewers (four relay processes, the viewers and the mock share two cores). */
function fleetWorkload(quick: boolean): FanoutWorkload {
  return quick
    ? {
        users: 4,
        jobsPerUser: 5,
        viewersPerUser: 10,
        pollingClients: 0,
        intervalMs: 1_000,
        steadyMs: 3_000,
        connectMs: 6_000,
        completionSpreadMs: 500,
        latencyMs: 20,
      }
    : {
        users: 10,
        jobsPerUser: 10,
        viewersPerUser: 40,
        pollingClients: 0,
        intervalMs: 1_000,
        steadyMs: 8_000,
        connectMs: 8_000,
        completionSpreadMs: 3_000,
        latencyMs: 20,
      }
}

const perJobPerInterval = (run: FleetRun, workload: FanoutWorkload): number =>
  run.steadyPolls / (run.windowMs / workload.intervalMs) / jobsOf(workload)

function latencies(run: FleetRun): number[] {
  return Object.entries(run.completedSeen).flatMap(([id, seen]) =>
    seen.map((at) => at - (run.completesAt[id] ?? Number.NaN)),
  )
}

/**
 * Scenario 7: several relay instances on one Redis (issue 17). The same viewers of the same live jobs
 * through 1, 2 and 4 relay processes: upstream requests per job per interval (each job polled by one
 * instance, whatever their number) and how soon a completion reaches every viewer (through the Redis
 * Stream of its user, on whichever instance it is connected to). Then the streams one browser opens for
 * its tabs, with and without tab sharing.
 *
 * @example const result = await runFleet({ quick: true })
 */
export async function runFleet(options: { quick: boolean }): Promise<ScenarioResult> {
  const workload = fleetWorkload(options.quick)
  const sizes = options.quick ? [1, 2] : [1, 2, 4]
  const redis = await startRedis()
  const runs: FleetRun[] = []
  try {
    for (const size of sizes) runs.push(await measureFleet(workload, size, redis, `bench-fleet-${size}:`))
  } finally {
    await redis.dispose()
  }
  // Each instance polls its own jobs with list pages of its own: N instances need up to N pages per interval
  // where one instance coalesces all jobs into ⌈jobs ÷ 100⌉. The bar allows that, and no more.
  const tabCounts = [1, 3, 8]
  const tabs = []
  for (const count of tabCounts) tabs.push({ count, ...(await streamsPerBrowser(count)) })
  const due = viewersOf(workload) * workload.jobsPerUser
  const one = runs[0] as FleetRun
  const rate = (run: FleetRun) => perJobPerInterval(run, workload)
  const p = (run: FleetRun, q: number) => quantile(latencies(run), q)
  const row = (metric: string, cell: (run: FleetRun) => string): string[] => [metric, ...runs.map(cell)]
  const widest = runs.at(-1) as FleetRun
  const quick = options.quick ? ' (quick size)' : ''
  return {
    name: 'fleet',
    tables: [
      {
        title: `7. Several relay instances on one Redis: ${formatCount(viewersOf(workload))} viewers of ${jobsOf(workload)} live jobs through ${sizes.join(', ')} relay processes (interval ${formatMs(workload.intervalMs)}, loopback)`,
        columns: ['metric', ...runs.map((run) => `${run.instances} instance${run.instances > 1 ? 's' : ''}`)],
        rows: [
          row('upstream requests per job per interval (steady window)', (run) => rate(run).toFixed(3)),
          row('the same, ÷ one instance', (run) => formatRatio(rate(run), rate(one))),
          row('completion seen by the viewer, after the upstream change: p50', (run) =>
            formatMs(p(run, 0.5)),
          ),
          row('the same, p95', (run) => formatMs(p(run, 0.95))),
          row('completions seen / due', (run) => `${((latencies(run).length / due) * 100).toFixed(1)} %`),
          row('streams opened', (run) => formatCount(run.opened)),
          row('poll leases held by each instance', (run) => run.leases.join(' / ')),
        ],
        notes: [
          `${workload.users} users × ${workload.jobsPerUser} jobs, created through the instances in turn (as a load balancer spreads creates, so each instance polls the jobs created through it), ${workload.viewersPerUser} viewers per user spread over the instances in turn (each an SSE stream from one child process); every relay process (packages/server/test/fleet-instance.ts) uses createRedisStore on one Debian redis-server, a 5 s lease, a fixed ${formatMs(workload.intervalMs)} interval; the mock answers in ${workload.latencyMs} ms. Each size runs on its own mock, one after the other.`,
          'Latency runs from each job’s completion on the mock to each viewer seeing it: the poll that finds it (up to one interval), then Redis (XADD, the XREAD of each instance) and SSE. With more instances than cores, the processes share two cores with the viewers and the mock.',
        ],
      },
      {
        title: '7b. Event streams one browser opens for its tabs of the app',
        columns: ['tabs', 'shareAcrossTabs: true (default)', 'shareAcrossTabs: false'],
        rows: tabs.map((tab) => [String(tab.count), String(tab.shared), String(tab.unshared)]),
        notes: [
          'Counted with core’s test doubles of the Web Locks API and BroadcastChannel (one browser) and a counting EventSource; e2e/relay.spec.ts checks the same in Chromium with three tabs. Browsers allow about six HTTP/1.1 connections per origin, so without sharing a seventh tab’s stream hangs.',
        ],
      },
    ],
    bars: [
      {
        scenario: 'fleet',
        bar: `bar: each job is polled by one instance: with ${sizes.at(-1)} instances ≤ one list page per instance per interval (${(widest.instances / jobsOf(workload)).toFixed(3)} per job), not one poll per job per instance${quick}`,
        measured: `${rate(widest).toFixed(3)} requests per job per interval (one instance: ${rate(one).toFixed(3)}, ${formatRatio(rate(widest), rate(one))})`,
        cleared: rate(widest) <= (1.1 * widest.instances) / jobsOf(workload),
      },
      {
        scenario: 'fleet',
        bar: `bar: with ${sizes.at(-1)} instances every viewer sees every completion, p95 within one interval + 500 ms${quick}`,
        measured: `p95 ${formatMs(p(widest, 0.95))}, ${((latencies(widest).length / due) * 100).toFixed(1)} % of sightings`,
        cleared: p(widest, 0.95) <= workload.intervalMs + 500 && latencies(widest).length >= due,
      },
      {
        scenario: 'fleet',
        bar: 'bar: one event stream per browser, whatever its number of tabs',
        measured: tabs.map((tab) => `${tab.count} tab${tab.count > 1 ? 's' : ''}: ${tab.shared}`).join(', '),
        cleared: tabs.every((tab) => tab.shared === 1),
      },
    ],
    data: { workload, runs, tabs },
  }
}
