import { createMockVideoApi, type MockVideoApi } from '@vidjob/mock-api'
import type { FakeClock } from './fake-clock'

/** How the jobs of a scale scenario are timed and how the mock answers. */
export interface PopulationTiming {
  /** Fixed per-request latency of the mock (each request waits its own). */
  readonly latencyMs: number
  readonly queueMs: number
  /** Rendering time of each job, spread evenly over this range. */
  readonly renderMs: readonly [min: number, max: number]
  /**
   * How far into its life each job is when the clients start: each job's age is spread evenly over
   * `[0, min(life, maxAgeMs))`, so progress values (and, with short lives, completions) are spread out
   * rather than all starting together.
   */
  readonly maxAgeMs: number
  /** The mock's seed (its ids); also where the jobs' stretch of the spreading sequence starts. */
  readonly seed: number
}

/** The mock API with its jobs, and when each one completes on the server. */
export interface Population {
  readonly api: MockVideoApi
  /** Ids of every job, in creation order (those `addJob` made last). */
  readonly ids: string[]
  /** Exact server-side completion instant (ms) of every job (creation + queue + render). */
  readonly completesAt: Map<string, number>
  /** Creates one more job now (age 0), as a user submitting a prompt would; returns its id. */
  addJob(): string
}

/**
 * Creates the mock (fixed latency, no faults, every job completes) and `jobs` live jobs at ages spread
 * over their lives: the clock is moved back to each job's creation instant in turn (no timer exists yet,
 * so nothing fires) and ends at `startAt`, where the clients begin.
 *
 * @example const population = seedPopulation(clock, 1_000, CPU_TIMING)
 */
export function seedPopulation(clock: FakeClock, jobs: number, timing: PopulationTiming): Population {
  const startAt = clock.now
  // Each seed starts its own stretch of the sequence.
  let drawn = timing.seed * 100_003
  const api = createMockVideoApi({ seed: timing.seed, latencyMs: timing.latencyMs, queueMs: timing.queueMs })
  const draw = (): { render: number; ageShare: number } => {
    const [renderShare, ageShare] = spreadPoint(drawn++)
    const [min, max] = timing.renderMs
    return { render: Math.round(min + renderShare * (max - min)), ageShare }
  }
  const planned = Array.from({ length: jobs }, () => {
    const { render, ageShare } = draw()
    const age = Math.floor(ageShare * Math.min(timing.queueMs + render, timing.maxAgeMs))
    return { render, createdAt: startAt - age }
  }).sort((a, b) => a.createdAt - b.createdAt)
  const ids: string[] = []
  const completesAt = new Map<string, number>()
  const create = (render: number): string => {
    const createdAt = clock.now
    const { id } = api.jobs.create({ prompt: `scale job ${ids.length + 1}`, renderMs: render })
    ids.push(id)
    completesAt.set(id, createdAt + timing.queueMs + render)
    return id
  }
  for (const job of planned) {
    clock.setSystemTime(job.createdAt)
    create(job.render)
  }
  clock.setSystemTime(startAt)
  return { api, ids, completesAt, addJob: () => create(draw().render) }
}

/**
 * The `index`-th point of the R2 sequence (Roberts' generalised golden ratio): two numbers in [0, 1)
 * that cover the unit square evenly however many are drawn, with no random generator to seed. The same
 * index gives the same job on every side.
 *
 * @example const [renderShare, ageShare] = spreadPoint(3)
 */
export function spreadPoint(index: number): [number, number] {
  const frac = (value: number): number => value - Math.floor(value)
  return [frac(0.5 + index * 0.7548776662466927), frac(0.5 + index * 0.5698402909980532)]
}
