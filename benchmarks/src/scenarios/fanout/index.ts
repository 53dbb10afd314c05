import { formatBytes, formatCount, formatMs, formatRatio, type ScenarioResult } from '../../report'
import { quantile } from '../../stats'
import { measurePollingSide, measureRelaySide, type SideRun } from './sides'
import { fanoutWorkload, jobsOf, viewersOf, type FanoutWorkload } from './workload'

/** Upstream requests per job per interval, for `browsers` browsers (a side measured with fewer is scaled). */
function perJobPerInterval(run: SideRun, workload: FanoutWorkload, browsers: number): number {
  // A window under one interval says nothing about a rate per interval.
  if (run.windowMs < workload.intervalMs) return Number.NaN
  const intervals = run.windowMs / workload.intervalMs
  return ((run.steadyPolls / intervals) * (browsers / run.browsers)) / jobsOf(workload)
}

/** Latencies from each job's completion upstream to each browser seeing it; how many sightings were due. */
function latencies(run: SideRun, workload: FanoutWorkload): { values: number[]; share: number } {
  const values = Object.entries(run.completedSeen).flatMap(([id, seen]) =>
    seen.map((at) => at - (run.completesAt[id] ?? Number.NaN)),
  )
  const due = (run.browsers * jobsOf(workload)) / workload.users
  return { values, share: values.length / due }
}

/**
 * Scenario 6: fan-out through `@vidjob/server`. 1,000 viewers of 100 live jobs on one relay (Server-Sent
 * Events, loopback) against 1,000 browsers each polling the same jobs through a plain proxy: upstream
 * requests per job per interval, how soon a completion reaches the viewers, and the relay's memory per
 * open stream. Each side runs on its own mock with the same schedule, one after the other, on real timers.
 *
 * @example const result = await runFanout({ quick: true })
 */
export async function runFanout(options: { quick: boolean }): Promise<ScenarioResult> {
  const workload = fanoutWorkload(options.quick)
  const relay = await measureRelaySide(workload)
  const polling = await measurePollingSide(workload)
  const viewers = viewersOf(workload)
  const relayRate = perJobPerInterval(relay, workload, viewers)
  const pollingRate = perJobPerInterval(polling, workload, viewers)
  const relayLatency = latencies(relay, workload)
  const pollingLatency = latencies(polling, workload)
  const p = (values: number[], q: number) => quantile(values, q)
  const streams = relay.streams ?? { opened: 0, events: 0, bytesPerStream: Number.NaN }
  const latencyBound = workload.intervalMs + 500
  const memoryBound = 64_000
  const quick = options.quick ? ' (quick size)' : ''
  const scaled =
    polling.browsers === viewers
      ? ''
      : ` (measured with ${polling.browsers}, × ${viewers / polling.browsers})`
  return {
    name: 'fanout',
    tables: [
      {
        title: `6. Fan-out: ${formatCount(viewers)} viewers of ${jobsOf(workload)} live jobs through one relay, and ${formatCount(viewers)} browsers polling through a proxy (interval ${formatMs(workload.intervalMs)}, loopback)`,
        columns: ['metric', 'relay + SSE', 'polling through a proxy', 'relay ÷ polling'],
        rows: [
          [
            'upstream requests per job per interval (steady window)',
            relayRate.toFixed(3),
            `${pollingRate.toFixed(2)}${scaled}`,
            formatRatio(relayRate, pollingRate),
          ],
          [
            'upstream requests in the window (window length)',
            `${formatCount(relay.steadyPolls)} (${formatMs(relay.windowMs)})`,
            `${formatCount(polling.steadyPolls * (viewers / polling.browsers))} (${formatMs(polling.windowMs)})`,
            '',
          ],
          [
            'completion seen by the viewer, after the upstream change: p50',
            formatMs(p(relayLatency.values, 0.5)),
            formatMs(p(pollingLatency.values, 0.5)),
            formatRatio(p(relayLatency.values, 0.5), p(pollingLatency.values, 0.5)),
          ],
          [
            'the same, p95',
            formatMs(p(relayLatency.values, 0.95)),
            formatMs(p(pollingLatency.values, 0.95)),
            formatRatio(p(relayLatency.values, 0.95), p(pollingLatency.values, 0.95)),
          ],
          [
            'completions seen / due',
            `${(relayLatency.share * 100).toFixed(1)} %`,
            `${(pollingLatency.share * 100).toFixed(1)} %`,
            '',
          ],
          ['relay memory per open stream (heap + external)', formatBytes(streams.bytesPerStream), '–', ''],
          [
            'streams opened / SSE video events delivered',
            `${formatCount(streams.opened)} / ${formatCount(streams.events)}`,
            '–',
            '',
          ],
        ],
        notes: [
          `${workload.users} users × ${workload.jobsPerUser} jobs; ${workload.viewersPerUser} viewers per user on the relay side (each an EventSource-like stream from a child process), one @vidjob/core client per browser on the polling side (each watching its user's jobs, list pages coalesced as usual). The relay's client and every browser poll at a fixed ${formatMs(workload.intervalMs)}; the mock answers in ${workload.latencyMs} ms.`,
          `Jobs render through a ${formatMs(workload.steadyMs)} steady window (requests counted there, from the mock's log; on the polling side from when every browser was polling, as its child process may start late) and complete one after another over the next ${formatMs(workload.completionSpreadMs)}; latency runs from each job's completion on the mock to each viewer's state. It includes waiting for the next poll (up to one interval) on both sides.`,
          `Memory: the relay process's heap and external bytes after a full GC, with every stream open, less the same before the viewers connected, per stream; the viewers run in another process.`,
        ],
      },
    ],
    bars: [
      {
        scenario: 'fanout',
        bar: `bar: ${formatCount(viewers)} SSE viewers of ${jobsOf(workload)} live jobs cost the upstream ≈ 1 request per job per interval or less${quick}`,
        measured: `${relayRate.toFixed(3)} (polling through a proxy: ${pollingRate.toFixed(2)})`,
        cleared: relayRate <= 1,
      },
      {
        scenario: 'fanout',
        bar: `bar: every viewer sees a completion within one interval + 500 ms of it, p95 (≤ ${formatMs(latencyBound)})${quick}`,
        measured: `p95 ${formatMs(p(relayLatency.values, 0.95))}, ${(relayLatency.share * 100).toFixed(1)} % of sightings`,
        cleared: p(relayLatency.values, 0.95) <= latencyBound && relayLatency.share >= 0.999,
      },
      {
        scenario: 'fanout',
        bar: `bar: ≤ ${formatBytes(memoryBound)} of relay memory per open stream${quick}`,
        measured: formatBytes(streams.bytesPerStream),
        cleared: streams.bytesPerStream <= memoryBound,
      },
    ],
    data: { workload, relay, polling },
  }
}
