import { runChild } from '../../child-process'
import { formatCount, formatMs, formatRatio, formatSpread, type ScenarioResult } from '../../report'
import { quantile } from '../../stats'
import { describeTracker, TRACKERS, type TrackerName } from '../../trackers'
import type { UnsubscribeRun } from './side'
import { unsubscribeWorkload } from './workload'

/**
 * Scenario 3e: how long unsubscribing every observer of a large dashboard takes (real timers), each
 * repeat of each side in a fresh process, alternating.
 *
 * @example const result = await runUnsubscribe({ quick: true })
 */
export async function runUnsubscribe(options: { quick: boolean }): Promise<ScenarioResult> {
  const workload = unsubscribeWorkload(options.quick)
  const sides = Object.keys(TRACKERS) as TrackerName[]
  const runs = new Map<TrackerName, UnsubscribeRun[]>(sides.map((side) => [side, []]))
  for (let repeat = 0; repeat < workload.repeats; repeat++)
    for (const side of sides)
      runs
        .get(side)
        ?.push(
          await runChild<UnsubscribeRun>('src/run-side.ts', [
            'unsubscribe',
            side,
            ...(options.quick ? ['--quick'] : []),
          ]),
        )
  const median = (side: TrackerName, pick: (run: UnsubscribeRun) => number): number =>
    quantile((runs.get(side) ?? []).map(pick), 0.5)
  const spread = (side: TrackerName): string => {
    const values = (runs.get(side) ?? []).map((run) => run.wallMs)
    return formatSpread(quantile(values, 0.5), Math.min(...values), Math.max(...values), formatMs)
  }
  const vidjob = median('vidjob', (run) => run.wallMs)
  const quick = options.quick ? ' (quick size)' : ''
  return {
    name: 'unsubscribe',
    tables: [
      {
        title: `3e. Unsubscribing ${formatCount(workload.observers)} observers at once (real timers, ${workload.repeats} process${workload.repeats > 1 ? 'es' : ''} per side)`,
        columns: ['metric', ...sides, 'vidjob ÷ query-core'],
        rows: [
          [
            'wall time, median (range)',
            ...sides.map(spread),
            formatRatio(
              vidjob,
              median('query-core', (run) => run.wallMs),
            ),
          ],
          [
            'CPU time, median',
            ...sides.map((side) => formatMs(median(side, (run) => run.cpuMs))),
            formatRatio(
              median('vidjob', (run) => run.cpuMs),
              median('query-core', (run) => run.cpuMs),
            ),
          ],
          [
            'requests sent before leaving (context)',
            ...sides.map((side) => formatCount(median(side, (run) => run.requests))),
            '',
          ],
        ],
        notes: [
          `${formatCount(workload.observers)} jobs on the mock (real clock, ${workload.latencyMs} ms per answer), one observer each, running ${workload.runMs / 1000} s; then one synchronous loop unsubscribes them all, and the time runs until every microtask that caused has run (a setImmediate). No fake timers: each library's clearTimeout / setTimeout costs what it costs in Node.`,
          ...sides.map((side) => `${side}: ${describeTracker(side, 5_000)}.`),
        ],
      },
    ],
    bars: [
      {
        scenario: 'unsubscribe',
        bar: `bar: unsubscribing ${formatCount(workload.observers)} observers takes ≤ ${workload.boundMs} ms${quick}`,
        measured: `${formatMs(vidjob)} (query-core ${formatMs(median('query-core', (run) => run.wallMs))})`,
        cleared: vidjob <= workload.boundMs,
      },
    ],
    data: { workload, runs: Object.fromEntries(runs) },
  }
}
