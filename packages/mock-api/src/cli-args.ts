import { parseArgs } from 'node:util'
import type { MockFault, MockFaultRule } from './faults'
import type { MockVideoApiOptions } from './mock-options'
import { PROFILE_NAMES } from './profiles'
import type { MockProfileName } from './profiles/profile'

/** What the command line asks for. */
export type CliCommand =
  | { kind: 'help' }
  | {
      kind: 'serve'
      port: number
      host: string
      api: MockVideoApiOptions
      faults: MockFaultRule[]
      /** Mount the fault-control routes at /__mock (`--control`). */
      control?: true
    }

/** A command line that cannot be understood; its message says which argument and what is expected. */
export class CliArgsError extends Error {
  override name = 'CliArgsError'
}

/** The `--help` text. */
export const CLI_USAGE = `Usage: vidjob-mock-api [options]

Serves a mock OpenAI-compatible Videos API (GET/POST /v1/videos, GET/DELETE /v1/videos/{id},
GET /v1/videos/{id}/content, POST /v1/videos/{id}/remix) for local apps and demos.

Options:
  --port <n>              port to listen on (default 4010; 0 picks a free one)
  --host <host>           interface to bind (default 127.0.0.1)
  --latency <ms|min-max>  delay before each answer, e.g. 150 or 100-300 (default 0)
  --queue-ms <ms>         time a job stays queued (default 2000)
  --render-ms <ms>        time a job stays in_progress (default 20000)
  --fail-rate <0..1>      share of jobs that end failed (default 0)
  --seed <n>              seed of every random choice (default 1)
  --api-key <key>         require Authorization: Bearer <key>
  --poll-after-ms <ms>    send openai-poll-after-ms on answers about unfinished jobs
  --profile <name>        imitate a compatible server: ${PROFILE_NAMES.join(', ')}
                          (default openai; also the VIDJOB_MOCK_PROFILE environment variable)
  --fault-500 <0..1>      probability of a 500 answer
  --fault-429 <0..1>      probability of a 429 answer
  --retry-after-ms <ms>   Retry-After of those 429s (default 2000)
  --fault-drop <0..1>     probability of a dropped connection
  --fault-malformed <0..1> probability of a 200 whose body is not JSON
  --fault-schema <0..1>   probability of a 200 whose JSON breaks the video shape
  --fault-after-work <0..1>  probability of a 503 after the work is done (effect kept, answer lost)
  --fault-reorder <0..1>  probability of an answer held --reorder-ms, so later requests overtake it
  --reorder-ms <ms>       how long a reordered answer is held (default 1000)
  --control               serve GET|POST /__mock/faults, POST /__mock/clear-faults (JSON only,
                          loopback or same-origin callers only)
  --help                  show this text`

const STRING_OPTIONS = [
  'port',
  'host',
  'latency',
  'queue-ms',
  'render-ms',
  'fail-rate',
  'seed',
  'api-key',
  'poll-after-ms',
  'profile',
  'fault-500',
  'fault-429',
  'retry-after-ms',
  'fault-drop',
  'fault-malformed',
  'fault-schema',
  'fault-after-work',
  'fault-reorder',
  'reorder-ms',
] as const

type Values = Partial<Record<(typeof STRING_OPTIONS)[number], string>>

/** The environment variables the CLI reads. */
export interface CliEnvironment {
  /** The profile when `--profile` is not given. */
  VIDJOB_MOCK_PROFILE?: string | undefined
}

/** Parses the CLI's arguments (without `node` and the script) with `node:util` `parseArgs`. */
export function parseCliArgs(argv: readonly string[], env: CliEnvironment = {}): CliCommand {
  const { values } = parseStrict(argv)
  if (values.help) return { kind: 'help' }
  const port = values.port === undefined ? 4010 : integer(values.port, '--port', 0, 65_535)
  return {
    kind: 'serve',
    port,
    host: values.host ?? '127.0.0.1',
    api: { ...apiOptions(values), ...profileOption(values.profile, env.VIDJOB_MOCK_PROFILE) },
    faults: faultRules(values),
    ...(values.control ? { control: true as const } : {}),
  }
}

function parseStrict(argv: readonly string[]): { values: Values & { help?: boolean; control?: boolean } } {
  const options = Object.fromEntries(STRING_OPTIONS.map((name) => [name, { type: 'string' as const }]))
  try {
    const flags = { help: { type: 'boolean' as const }, control: { type: 'boolean' as const } }
    return parseArgs({ args: [...argv], options: { ...options, ...flags }, strict: true })
  } catch (error) {
    throw new CliArgsError((error as Error).message)
  }
}

function apiOptions(values: Values): MockVideoApiOptions {
  const api: MockVideoApiOptions = {}
  if (values.latency !== undefined) api.latencyMs = latency(values.latency)
  if (values['queue-ms'] !== undefined) api.queueMs = milliseconds(values['queue-ms'], '--queue-ms')
  if (values['render-ms'] !== undefined) api.renderMs = milliseconds(values['render-ms'], '--render-ms')
  if (values['fail-rate'] !== undefined) api.failRate = probability(values['fail-rate'], '--fail-rate')
  if (values.seed !== undefined) api.seed = integer(values.seed, '--seed', 0, 2 ** 32 - 1)
  if (values['api-key'] !== undefined) api.apiKey = values['api-key']
  if (values['poll-after-ms'] !== undefined)
    api.pollAfterMs = milliseconds(values['poll-after-ms'], '--poll-after-ms')
  return api
}

/** `--profile` wins over `VIDJOB_MOCK_PROFILE`; an empty variable counts as unset. */
function profileOption(
  flag: string | undefined,
  variable: string | undefined,
): { profile?: MockProfileName } {
  const [name, source] = flag !== undefined ? [flag, '--profile'] : [variable, 'VIDJOB_MOCK_PROFILE']
  if (name === undefined || (source === 'VIDJOB_MOCK_PROFILE' && name.trim() === '')) return {}
  if ((PROFILE_NAMES as readonly string[]).includes(name)) return { profile: name as MockProfileName }
  throw new CliArgsError(`${source} must be one of ${PROFILE_NAMES.join(', ')}; got '${name}'.`)
}

function faultRules(values: Values): MockFaultRule[] {
  const retryAfterMs =
    values['retry-after-ms'] === undefined
      ? 2_000
      : milliseconds(values['retry-after-ms'], '--retry-after-ms')
  const reorderMs =
    values['reorder-ms'] === undefined ? 1_000 : milliseconds(values['reorder-ms'], '--reorder-ms')
  const faults: [keyof Values, MockFault][] = [
    ['fault-500', { type: 'error', status: 500 }],
    ['fault-429', { type: 'rate-limit', retryAfterMs }],
    ['fault-drop', { type: 'drop' }],
    ['fault-malformed', { type: 'malformed' }],
    ['fault-schema', { type: 'schema' }],
    ['fault-after-work', { type: 'error', status: 503, after: 'work' }],
    ['fault-reorder', { type: 'reorder', ms: reorderMs }],
  ]
  return faults.flatMap(([name, fault]) => {
    const value = values[name]
    return value === undefined ? [] : [{ fault, probability: probability(value, `--${name}`) }]
  })
}

function latency(text: string): number | readonly [number, number] {
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text)
  if (!range) return milliseconds(text, '--latency')
  const [min, max] = [Number(range[1]), Number(range[2])]
  if (min > max) throw new CliArgsError(`--latency range must be min-max with min <= max, got '${text}'.`)
  return [min, max]
}

function number(text: string, name: string, expected: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text)
  if (!Number.isFinite(value)) throw new CliArgsError(`${name} must be ${expected}, got '${text}'.`)
  return value
}

function milliseconds(text: string, name: string): number {
  const value = number(text, name, 'a number of ms >= 0')
  if (value < 0) throw new CliArgsError(`${name} must be a number of ms >= 0, got '${text}'.`)
  return value
}

function probability(text: string, name: string): number {
  const value = number(text, name, 'a probability from 0 to 1')
  if (value < 0 || value > 1)
    throw new CliArgsError(`${name} must be a probability from 0 to 1, got '${text}'.`)
  return value
}

function integer(text: string, name: string, min: number, max: number): number {
  const expected = `an integer from ${min} to ${max}`
  const value = number(text, name, expected)
  if (!Number.isInteger(value) || value < min || value > max)
    throw new CliArgsError(`${name} must be ${expected}, got '${text}'.`)
  return value
}
