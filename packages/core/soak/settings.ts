import { parseArgs } from 'node:util'

/** What picks a soak run: its seed, its simulated length and optionally its number of jobs. */
export interface SoakSettings {
  readonly seed: number
  readonly minutes: number
  readonly jobs?: number | undefined
}

/** The run CI does on every push: 30 simulated minutes, 200 jobs. */
export const DEFAULT_SOAK_SETTINGS: SoakSettings = { seed: 1, minutes: 30 }

/**
 * Reads `SOAK_SEED`, `SOAK_MINUTES` and `SOAK_JOBS` (set by `pnpm soak`), defaulting to the CI run.
 *
 * @example soakSettingsFromEnv({ SOAK_MINUTES: '240' }) // { seed: 1, minutes: 240 }
 */
export function soakSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): SoakSettings {
  const jobs = readInteger(env.SOAK_JOBS, 'SOAK_JOBS', 1)
  return {
    seed: readInteger(env.SOAK_SEED, 'SOAK_SEED', 0) ?? DEFAULT_SOAK_SETTINGS.seed,
    minutes: readInteger(env.SOAK_MINUTES, 'SOAK_MINUTES', 10) ?? DEFAULT_SOAK_SETTINGS.minutes,
    ...(jobs === undefined ? {} : { jobs }),
  }
}

/**
 * Turns `--minutes 240 --seed 7 [--jobs 500]` into the environment the soak spec reads. A bare `--` is
 * skipped: `pnpm run soak -- --minutes 240` passes it on, and the run takes no positional argument.
 *
 * @example soakEnvFromArgs(['--minutes', '240', '--seed', '7']) // { SOAK_MINUTES: '240', SOAK_SEED: '7' }
 */
export function soakEnvFromArgs(args: readonly string[]): Record<string, string> {
  const { values } = parseArgs({
    args: args.filter((arg) => arg !== '--'),
    options: { minutes: { type: 'string' }, seed: { type: 'string' }, jobs: { type: 'string' } },
    strict: true,
  })
  const env: Record<string, string> = {}
  if (values.minutes !== undefined) env.SOAK_MINUTES = values.minutes
  if (values.seed !== undefined) env.SOAK_SEED = values.seed
  if (values.jobs !== undefined) env.SOAK_JOBS = values.jobs
  soakSettingsFromEnv(env)
  return env
}

function readInteger(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined || value === '') return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < min)
    throw new RangeError(`${name} must be an integer of at least ${min}, got '${value}'.`)
  return number
}
