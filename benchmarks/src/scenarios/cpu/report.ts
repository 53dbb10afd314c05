import {
  formatCount,
  formatMeanCount,
  formatMs,
  formatRange,
  formatRatio,
  formatSpread,
  type BarResult,
  type ReportTable,
  type ScenarioResult,
} from '../../report'
import { describeTracker } from '../../trackers'
import type { CpuPoint } from './index'
import type { CpuWorkload } from './workload'

/** The two sizes the linearity bar compares: the largest and the one 10× (quick: 3×) smaller. */
function scalingSizes(workload: CpuWorkload): [small: number, large: number] {
  const large = workload.sizes.at(-1) as number
  const small =
    [...workload.sizes].reverse().find((size) => size * 3 <= large) ?? (workload.sizes[0] as number)
  return [small, large]
}

/**
 * The CPU scenario's tables and bars.
 *
 * @example const result = cpuReport(workload, points)
 */
export function cpuReport(workload: CpuWorkload, points: readonly CpuPoint[]): ScenarioResult {
  const at = (side: string, size: number): CpuPoint | undefined =>
    points.find((point) => point.side === side && point.size === size)
  const cell = (point: CpuPoint | undefined, pick: (p: CpuPoint) => string): string =>
    point?.overCapMs !== undefined ? 'over the cap' : point?.cpuPerInterval ? pick(point) : '–'
  const spread = (pick: (p: CpuPoint) => CpuPoint['cpuPerCycle']) => (p: CpuPoint) => {
    const s = pick(p)
    return s ? formatSpread(s.median, s.min, s.max, formatMs) : '–'
  }
  const cycle = (side: string, size: number): number => at(side, size)?.cpuPerCycle?.median ?? Number.NaN
  const [small, large] = scalingSizes(workload)
  const scaling = (side: string): number => cycle(side, large) / cycle(side, small)
  const rows = workload.sizes.map((size) => {
    const [v, q] = [at('vidjob', size), at('query-core', size)]
    return [
      formatCount(size),
      cell(
        v,
        spread((p) => p.cpuPerInterval),
      ),
      cell(
        q,
        spread((p) => p.cpuPerInterval),
      ),
      cell(v, (p) => formatMeanCount(p.refreshesPerInterval ?? 0)),
      cell(q, (p) => formatMeanCount(p.refreshesPerInterval ?? 0)),
      cell(
        v,
        overCycleCap(
          workload,
          spread((p) => p.cpuPerCycle),
        ),
      ),
      cell(
        q,
        overCycleCap(
          workload,
          spread((p) => p.cpuPerCycle),
        ),
      ),
      formatRatio(cycle('vidjob', size), cycle('query-core', size)),
    ]
  })
  const scalingLabel = `t(${formatCount(large)}) ÷ t(${formatCount(small)})`
  const scalingText = (side: string): string =>
    Number.isFinite(scaling(side)) ? `${scaling(side).toFixed(1)}×` : '–'
  rows.push([scalingLabel, '', '', '', '', scalingText('vidjob'), scalingText('query-core'), ''])
  const firingUs = points.find((point) => point.firingUs !== undefined)?.firingUs ?? Number.NaN
  const main: ReportTable = {
    title: `3. CPU per poll cycle, ${formatCount(workload.sizes[0] as number)} to ${formatCount(large)} live jobs (${workload.intervalMs / 1000} s interval, ${workload.timing.latencyMs} ms per answer, ${workload.repeats} process${workload.repeats > 1 ? 'es' : ''} per side and size)`,
    columns: [
      'live jobs',
      'vidjob ms / interval',
      'query-core ms / interval',
      'vidjob refreshes / interval',
      'query-core refreshes / interval',
      'vidjob ms / poll cycle',
      'query-core ms / poll cycle',
      'vidjob ÷ query-core (cycle)',
    ],
    rows,
    notes: [
      `Each side tracks N live jobs on the same in-process mock (@vidjob/mock-api, ${workload.timing.latencyMs} ms per answer, jobs rendering ${workload.timing.renderMs[0] / 60_000}–${workload.timing.renderMs[1] / 60_000} min, 0–${workload.timing.maxAgeMs / 60_000} min into their lives, so progress keeps moving and none completes) through the same createFetchTransport over the mock's fetch, one observer per job. Time is a fake clock; every timer fires as its own task and every microtask it causes runs before the next timer, so answers arrive one by one as on a network, never as a synchronous batch.`,
      `ms / interval: process CPU time (user + system) while the clock moves ${workload.intervalMs / 1000} s, the mean of ${formatRange(workload.sizes.map(workload.measuredIntervals))} measured intervals after ${workload.warmupIntervals} warm-up interval${workload.warmupIntervals > 1 ? 's' : ''}; median over ${workload.repeats} fresh processes per side (range in brackets), the sides alternating. NODE_ENV=production.`,
      'refreshes / interval: job data that reached the client (a retrieve answer, or a row of a list page), whichever request brought it. ms / poll cycle = ms / interval × N ÷ refreshes / interval: the CPU to refresh every live job once. A side that refreshes fewer jobs per interval does less work per interval and leaves its jobs staler (scenario 3c); the cycle figure does not credit it for that, and the bars are judged on it.',
      `The CPU is the whole process: besides the library it includes the in-process mock server, Node's fetch objects (Request, Response, AbortSignal) and the clock driver (≈ ${firingUs.toFixed(1)} µs per timer firing); table 3b estimates their share.`,
      `Both sides validate each answer with core's VideoSchema: query-core parses every body in its queryFn, then structurally shares it; vidjob skips the parse of a body deep-equal to its cached (already validated) video.`,
      ...(['vidjob', 'query-core'] as const).map(
        (side) => `${side}: ${describeTracker(side, workload.intervalMs)}.`,
      ),
      `Cap: a side that spends more than ${formatMs(workload.capMs)} of CPU on one interval (or on its subscriptions) at a size is reported as over the cap there, and larger sizes are not run for it; a poll cycle computed above ${formatMs(workload.capMs)} is marked "over the cap" beside its figure.`,
    ],
  }
  return {
    name: 'cpu',
    tables: [main, breakdown(workload, points)],
    bars: bars(workload, at, cycle, scaling, [small, large]),
    data: {
      workload: { ...workload, measuredIntervals: workload.sizes.map(workload.measuredIntervals) },
      points,
    },
  }
}

/** A poll cycle over the cap is flagged: it was measured (per interval, well under the cap) and scaled up. */
function overCycleCap(workload: CpuWorkload, format: (p: CpuPoint) => string): (p: CpuPoint) => string {
  return (p) => `${format(p)}${(p.cpuPerCycle?.median ?? 0) > workload.capMs ? ', over the cap' : ''}`
}

function breakdown(workload: CpuWorkload, points: readonly CpuPoint[]): ReportTable {
  const rows = points
    .slice()
    .sort((a, b) => a.size - b.size || a.side.localeCompare(b.side))
    .map((p) => {
      if (p.cpuPerInterval === undefined)
        return [formatCount(p.size), p.side, 'over the cap', '', '', '', '', '']
      const requests = `${formatMeanCount((p.retrievePerInterval ?? 0) + (p.listPerInterval ?? 0))} (${formatMeanCount(p.listPerInterval ?? 0)} list)`
      const cost = p.requestCostPerInterval ?? Number.NaN
      return [
        formatCount(p.size),
        p.side,
        requests,
        formatMeanCount(p.firingsPerInterval ?? 0),
        formatMeanCount(p.notificationsPerInterval ?? 0),
        formatMs(cost),
        formatMs(p.driverPerInterval ?? Number.NaN),
        formatMs(p.cpuPerInterval.median - cost - (p.driverPerInterval ?? 0)),
        formatMs(p.wallPerInterval ?? Number.NaN),
      ]
    })
  return {
    title: '3b. What one interval cost each side (medians over the processes)',
    columns: [
      'live jobs',
      'side',
      'requests',
      'timer firings',
      'notifications',
      'requests’ transport + mock (est.)',
      'clock driver for the side’s own timers (est.)',
      'the rest: the library (est.)',
      'wall time',
    ],
    rows,
    notes: [
      'Requests’ cost: each process, after its intervals, sends 200 retrieves and then 20 newest-page requests at once through the same transport and mock, answered after the same latency, and divides the CPU it took (the cheapest of three passes); times this side’s requests per interval. It covers the fetch objects, the mock server, the JSON parse of the body and the latency timer’s firing, not the validation or anything after.',
      `Clock driver: the fake clock's cost of firing the side's own timers (firings beyond one per request: query-core's refetch timer of each job, vidjob's poller timer), at the µs per firing calibrated in the same process. A real event loop fires a timer for less; the bar is judged with and without this share.`,
      `The rest is the library's own work: scheduling, validation, merging, notifying, and the garbage all of it makes.`,
    ],
  }
}

function bars(
  workload: CpuWorkload,
  at: (side: string, size: number) => CpuPoint | undefined,
  cycle: (side: string, size: number) => number,
  scaling: (side: string) => number,
  [small, large]: [number, number],
): BarResult[] {
  const quick = workload.processPerSize ? '' : ' (quick sizes)'
  const per = workload.sizes.map((size) => {
    const [v, q] = [at('vidjob', size), at('query-core', size)]
    const text =
      v?.overCapMs !== undefined
        ? 'vidjob over the cap'
        : q?.overCapMs !== undefined
          ? 'query-core over the cap'
          : `${formatMs(cycle('vidjob', size))} vs ${formatMs(cycle('query-core', size))}`
    // Cleared only if it holds both as measured and without the clock driver's share for the sides' own timers.
    const without = (p: CpuPoint | undefined): number => p?.cpuPerCycleWithoutDriver ?? Number.NaN
    const cleared =
      q?.overCapMs !== undefined
        ? v?.overCapMs === undefined
        : cycle('vidjob', size) <= cycle('query-core', size) && without(v) <= without(q)
    const note = v && q && !cleared && cycle('vidjob', size) <= cycle('query-core', size)
    return {
      size,
      text: `${text}${note ? ` (without the clock driver: ${formatMs(without(v))} vs ${formatMs(without(q))})` : ''}`,
      cleared,
    }
  })
  const bound = 1.2 * (large / small)
  return [
    {
      scenario: 'cpu',
      bar: `bar: vidjob's CPU per poll cycle ≤ query-core's at every size${quick}`,
      measured: per.map((p) => `${formatCount(p.size)}: ${p.text}`).join('; '),
      cleared: per.every((p) => p.cleared),
    },
    {
      scenario: 'cpu',
      bar: `bar: t(${formatCount(large)}) ÷ t(${formatCount(small)}) ≤ ${Number(bound.toFixed(1))} (linear)${quick}`,
      measured: `vidjob ${Number.isFinite(scaling('vidjob')) ? `${scaling('vidjob').toFixed(1)}×` : 'over the cap'} (query-core ${Number.isFinite(scaling('query-core')) ? `${scaling('query-core').toFixed(1)}×` : 'over the cap'})`,
      cleared: scaling('vidjob') <= bound,
    },
  ]
}
