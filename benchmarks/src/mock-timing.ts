import { createMockVideoApi, type MockProfileName, type MockVideoApi } from '@vidjob/mock-api'

/** How the mock API times jobs and answers, and the interval the polling contenders are given. */
export interface MockTiming {
  readonly queueMs: number
  /** Rendering time of each job, drawn uniformly from this range with the mock's seeded random. */
  readonly renderMs: readonly [min: number, max: number]
  /** Seeded per-request latency of the mock API. */
  readonly latencyMs: readonly [min: number, max: number]
  /** The interval a team would pick for TanStack Query and the naive poller. */
  readonly nominalIntervalMs: number
  readonly seed: number
  /** The compatible server the mock imitates (default: the spec, `'openai'`). */
  readonly profile?: MockProfileName | undefined
}

/**
 * Jobs queue 2 s and render 1–5 minutes; the API answers in 50–250 ms; a 5 s nominal interval.
 *
 * @example const timing = { ...DEFAULT_TIMING, seed: 8 }
 */
export const DEFAULT_TIMING: MockTiming = {
  queueMs: 2_000,
  renderMs: [60_000, 300_000],
  latencyMs: [50, 250],
  nominalIntervalMs: 5_000,
  seed: 7,
}

/**
 * The mock API on the current (faked) `Date.now`, timed by `timing`; `onPlanned` learns each job's
 * rendering time as the mock plans it.
 *
 * @example const api = createTimedMockApi(DEFAULT_TIMING, (id, ms) => plans.set(id, ms))
 */
export function createTimedMockApi(
  timing: MockTiming,
  onPlanned: (id: string, renderMs: number) => void = () => undefined,
): MockVideoApi {
  const [minRender, maxRender] = timing.renderMs
  return createMockVideoApi({
    ...(timing.profile === undefined ? {} : { profile: timing.profile }),
    seed: timing.seed,
    queueMs: timing.queueMs,
    latencyMs: timing.latencyMs,
    renderMs: (job, random) => {
      const ms = Math.round(minRender + random() * (maxRender - minRender))
      onPlanned(job.id, ms)
      return ms
    },
  })
}
