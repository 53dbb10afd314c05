import { parseArgs } from 'node:util'

/** What the user asked for on the command line. */
export interface CliOptions {
  /** Track these existing ids instead of creating jobs. */
  ids: string[]
  /** How many jobs to create on the mock (ignored when ids are given). */
  jobs: number
  /** A compatible server; when absent the embedded mock API runs in-process. */
  baseURL: string | undefined
  apiKey: string | undefined
  failRate: number
  seed: number
  help: boolean
}

export const USAGE = `Usage: vidjob-watch [options] [video ids...]

Creates a few video jobs on the embedded mock API (or tracks the ids you give) and draws one live
progress bar per job until all of them finish.

Options:
  --jobs N           jobs to create on the mock API (default 5)
  --base-url URL     use a compatible Videos API instead of the mock, e.g. http://localhost:4010/v1
                     (the key comes from OPENAI_API_KEY)
  --fail-rate P      share of mock jobs that fail, 0–1 (default 0.2)
  --seed N           seed of the mock API (default: random)
  -h, --help         show this help`

/**
 * Parses argv (without the node and script paths); throws a RangeError with a message to show the user.
 *
 * @example parseCliArgs(['--jobs', '3']).jobs // 3
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): CliOptions {
  const { values, positionals } = parseArgs({
    // `pnpm start -- --jobs 3` passes the separator through; it is not the start of positionals here.
    args: argv[0] === '--' ? argv.slice(1) : [...argv],
    allowPositionals: true,
    options: {
      jobs: { type: 'string', default: '5' },
      'base-url': { type: 'string' },
      'fail-rate': { type: 'string', default: '0.2' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const jobs = Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 50)
    throw new RangeError(`--jobs must be an integer 1–50, got ${values.jobs}.`)
  const failRate = Number(values['fail-rate'])
  if (!(failRate >= 0 && failRate <= 1))
    throw new RangeError(`--fail-rate must be between 0 and 1, got ${values['fail-rate']}.`)
  const seed = values.seed === undefined ? Math.floor(Math.random() * 1_000_000) : Number(values.seed)
  if (!Number.isFinite(seed)) throw new RangeError(`--seed must be a number, got ${values.seed}.`)
  return {
    ids: positionals,
    jobs,
    baseURL: values['base-url'],
    apiKey: env.OPENAI_API_KEY,
    failRate,
    seed,
    help: values.help,
  }
}
