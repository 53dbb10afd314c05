import { createManualClock, createSystemClock, type MockClock } from './clock'
import type { MockRenderMsFunction } from './job-store'
import { resolveProfile } from './profiles'
import type { MockProfile, MockProfileName } from './profiles/profile'
import { createRandom, deriveSeed, randomInt } from './random'
import { assertIntegerIn, assertNonNegative, assertProbability } from './validation'

/** Options of {@link createMockVideoApi}. */
export interface MockVideoApiOptions {
  /** Where time comes from. Default: `Date.now()` read at each call (fake timers drive it); `'manual'` = `createManualClock()`. */
  clock?: MockClock | 'manual'
  /** Delay before each answer, in ms, or a seeded `[min, max]` range. Default 0. */
  latencyMs?: number | readonly [min: number, max: number]
  /** How long a job stays `queued`. Default 2 000. */
  queueMs?: number
  /** How long a job stays `in_progress`, or a function of the job and its seeded random. Default 20 000. */
  renderMs?: number | MockRenderMsFunction
  /** Probability (0–1) that a job ends `failed`, drawn from the seed. Default 0. */
  failRate?: number
  /** Seeds every random choice: ids, outcomes, failure points, fault probabilities, latency. Default 1. */
  seed?: number
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string
  /** When set, answers about unfinished jobs carry `openai-poll-after-ms`. */
  pollAfterMs?: number
  /** Larger request bodies get 413. Default 25 MiB. */
  maxBodyBytes?: number
  /**
   * Which server to imitate: `'openai'` (the spec, default), `'litellm'`, `'new-api'`, `'vllm-omni'` or
   * `'azure'`, each with its real quirks (see the package README).
   */
  profile?: MockProfileName
}

/** Options after defaults and checks. */
export interface ResolvedMockOptions {
  clock: MockClock
  /** The delay before the next answer (draws from the seeded latency stream). */
  nextLatencyMs: () => number
  queueMs: number
  renderMs: number | MockRenderMsFunction
  failRate: number
  seed: number
  apiKey: string | undefined
  pollAfterMs: number | undefined
  maxBodyBytes: number
  profile: MockProfile
}

/** 25 MiB, comfortably above a reference image and far below what would hurt a test process. */
export const DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024

/**
 * Applies defaults and refuses options that could not work (negative times, a rate above 1...), with a
 * `RangeError` naming the option, at creation rather than mid-test.
 */
export function resolveMockOptions(options: MockVideoApiOptions = {}): ResolvedMockOptions {
  const seed = options.seed ?? 1
  const queueMs = options.queueMs ?? 2_000
  const renderMs = options.renderMs ?? 20_000
  const failRate = options.failRate ?? 0
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}.`)
  assertNonNegative(queueMs, 'queueMs')
  if (typeof renderMs === 'number') assertNonNegative(renderMs, 'renderMs')
  assertProbability(failRate, 'failRate')
  assertIntegerIn(maxBodyBytes, 0, Number.MAX_SAFE_INTEGER, 'maxBodyBytes')
  if (options.pollAfterMs !== undefined) assertNonNegative(options.pollAfterMs, 'pollAfterMs')
  const profile = resolveProfile(options.profile)
  return {
    clock: resolveClock(options.clock),
    nextLatencyMs: latencyPicker(options.latencyMs ?? 0, seed),
    queueMs,
    renderMs,
    failRate,
    seed,
    apiKey: options.apiKey,
    pollAfterMs: options.pollAfterMs,
    maxBodyBytes,
    profile,
  }
}

function resolveClock(clock: MockVideoApiOptions['clock']): MockClock {
  if (clock === 'manual') return createManualClock()
  return clock ?? createSystemClock()
}

function latencyPicker(latency: NonNullable<MockVideoApiOptions['latencyMs']>, seed: number): () => number {
  if (typeof latency === 'number') {
    assertNonNegative(latency, 'latencyMs')
    return () => latency
  }
  const [min, max] = latency
  assertNonNegative(min, 'latencyMs[0]')
  assertNonNegative(max, 'latencyMs[1]')
  if (max < min) throw new RangeError(`latencyMs must be [min, max] with min <= max, got [${min}, ${max}].`)
  const random = createRandom(deriveSeed(seed, 'latency'))
  return () => randomInt(random, Math.ceil(min), Math.floor(max))
}
