import { randomInt } from 'node:crypto'

/** One seed a property test runs with, and how a test name shows it. */
export interface PropertySeed {
  readonly seed: number
  /** `seed 3`, or `fresh seed 123456` for one drawn for this run. */
  readonly label: string
}

type Env = Readonly<Record<string, string | undefined>>

/**
 * The seeds of a property test. Always its regression seeds: the one it was written with and each seed
 * that once found a bug, fixed so those cases are tried on every run. Plus fresh seeds, drawn for this
 * run, where a failure is worth the surprise: one in CI and in `pnpm unit` (the gate CI runs), or
 * `VIDJOB_PROPERTY_FRESH=n` of them anywhere. `VIDJOB_PROPERTY_SEED=n` runs seed n alone, to replay a
 * failure; every failure names its seed (see {@link replayable}).
 *
 * @example
 * describe.each(propertySeeds([20260102, 2, 3, 5]))('the store ($label)', ({ seed }) => { ... })
 */
export function propertySeeds(regression: readonly number[], env: Env = process.env): PropertySeed[] {
  const replay = env.VIDJOB_PROPERTY_SEED
  if (replay !== undefined && replay !== '') {
    const seed = Number(replay)
    if (!Number.isSafeInteger(seed))
      throw new RangeError(`VIDJOB_PROPERTY_SEED must be an integer, got '${replay}'.`)
    return [{ seed, label: `seed ${seed}` }]
  }
  const fresh = Array.from({ length: freshSeedCount(env) }, () => randomInt(2 ** 31 - 1))
  return [
    ...regression.map((seed) => ({ seed, label: `seed ${seed}` })),
    ...fresh.map((seed) => ({ seed, label: `fresh seed ${seed}` })),
  ]
}

/** How many fresh seeds this run draws: `VIDJOB_PROPERTY_FRESH`, else one in CI and in `pnpm unit`. */
export function freshSeedCount(env: Env = process.env): number {
  const asked = env.VIDJOB_PROPERTY_FRESH
  if (asked !== undefined && asked !== '') {
    const count = Number(asked)
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`VIDJOB_PROPERTY_FRESH must be a count of seeds, got '${asked}'.`)
    return count
  }
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase())
  return ci || env.npm_lifecycle_event === 'unit' ? 1 : 0
}

/**
 * Runs a property check under `seed`; a failure is thrown again with the seed and the command that
 * replays it in front of fast-check's report.
 *
 * @example
 * await replayable(seed, () => fc.assert(property, { seed, numRuns: 300 }))
 */
export function replayable<T>(seed: number, check: () => T): T {
  const explain = (error: unknown): never => {
    const report = error instanceof Error ? error.message : String(error)
    throw new Error(`Failed with seed ${seed}: replay it with VIDJOB_PROPERTY_SEED=${seed}.\n${report}`, {
      cause: error,
    })
  }
  try {
    const result = check()
    return (result instanceof Promise ? result.catch(explain) : result) as T
  } catch (error) {
    return explain(error)
  }
}

/**
 * Runs `check` with each of {@link propertySeeds}, one after another, for a property test that is one
 * `it`; a failure names its seed.
 *
 * @example
 * it('keeps the heap order', () => eachSeed([13], (seed) => fc.assert(property, { seed, numRuns: 300 })))
 */
export async function eachSeed(
  regression: readonly number[],
  check: (seed: number) => void | Promise<void>,
): Promise<void> {
  for (const { seed } of propertySeeds(regression)) await replayable(seed, () => check(seed))
}
