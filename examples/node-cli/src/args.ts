import { parseArgs, type ParseArgsConfig } from 'node:util'

/** What the user asked for on the command line. */
export interface CliOptions {
  /** Track these existing ids instead of creating jobs. */
  ids: string[]
  /** How many jobs to create on the mock (ignored when ids are given). */
  jobs: number
  /** A compatible server; when absent the embedded mock API runs in-process. */
  baseURL: string | undefined
  apiKey: string | undefined
  /** Sent with every request to `baseURL`: a relay's session cookie or token. */
  headers: Record<string, string>
  failRate: number
  seed: number
  /** `--color` (true), `--no-color` (false), or neither (undefined: decided from the terminal and env). */
  color: boolean | undefined
  help: boolean
}

/** The exit codes, as `--help` documents them. */
export const EXIT = { completed: 0, notCompleted: 1, usage: 2 } as const

export const USAGE = `Usage: vidjob-watch [options] [video ids...]

Creates a few video jobs on the embedded mock API (or tracks the ids you give) and draws one live
progress bar per job until all of them finish.

Options:
  --jobs N           jobs to create on the mock API, 1–50 (default 5; ignored when ids are given)
  --base-url URL     use a compatible Videos API instead of the mock, e.g. http://localhost:4010/v1
                     (the key comes from OPENAI_API_KEY)
  --header 'N: V'    send this header to --base-url (repeatable), e.g. the session cookie of a relay:
                     --base-url http://127.0.0.1:4173/api/videos/v1 --header 'cookie: vidjob_demo_user=ann'
  --fail-rate P      share of mock jobs that fail, 0–1 (default 0.2)
  --seed N           seed of the mock API (default: random)
  --color            colour the output even when it is not a terminal
  --no-color         never colour the output
  -h, --help         show this help

Environment:
  OPENAI_API_KEY     the key sent to --base-url
  NO_COLOR           when set (not empty), no colour (https://no-color.org)
  FORCE_COLOR        colour even when stdout is not a terminal; FORCE_COLOR=0 turns it off

When stdout is not a terminal (a pipe, a file, CI), it prints one plain line per change instead of
redrawing the bars.

Exit status:
  0  every job completed
  1  some job failed, was deleted or could not be read
  2  the command line was wrong`

/** The options `parseArgs` accepts; {@link USAGE} documents each of them. */
export const OPTIONS = {
  jobs: { type: 'string', default: '5' },
  'base-url': { type: 'string' },
  header: { type: 'string', multiple: true },
  'fail-rate': { type: 'string', default: '0.2' },
  seed: { type: 'string' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options']

/** A command line that cannot be used: the CLI prints the message and exits with {@link EXIT}.usage. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * Parses argv (without the node and script paths); throws a {@link UsageError} with a message to show.
 *
 * @example parseCliArgs(['--jobs', '3']).jobs // 3
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): CliOptions {
  const { values, positionals } = parseOrExplain(argv)
  const jobs = Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 50)
    throw new UsageError(`--jobs must be an integer 1–50, got ${values.jobs}.`)
  const failRate = Number(values['fail-rate'])
  if (!(failRate >= 0 && failRate <= 1))
    throw new UsageError(`--fail-rate must be between 0 and 1, got ${values['fail-rate']}.`)
  const seed = values.seed === undefined ? Math.floor(Math.random() * 1_000_000) : Number(values.seed)
  if (!Number.isFinite(seed)) throw new UsageError(`--seed must be a number, got ${values.seed}.`)
  return {
    ids: positionals,
    jobs,
    baseURL: values['base-url'],
    apiKey: env.OPENAI_API_KEY,
    headers: Object.fromEntries((values.header ?? []).map(parseHeader)),
    failRate,
    seed,
    color: values.color,
    help: values.help,
  }
}

/** `'Name: value'` → `[name, value]`; a line that is no header is a usage error. */
function parseHeader(line: string): [string, string] {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(line)
  if (!match) throw new UsageError(`--header must be 'Name: value', got '${line}'.`)
  return [match[1] as string, (match[2] as string).trim()]
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      // `pnpm start -- --jobs 3` passes the separator through; it is not the start of positionals here.
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      allowPositionals: true,
      allowNegative: true,
      options: OPTIONS,
    })
  } catch (error) {
    // node:util's messages name the option ("Unknown option '--nope'..."): good enough to show as they are.
    throw new UsageError((error as Error).message)
  }
}
