import {
  createFetchTransport,
  createVideoClient,
  type VideoJobState,
  type VideoTransport,
} from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { combineLatest } from 'rxjs'
import { EXIT, parseCliArgs, UsageError, USAGE, type CliOptions } from './args'
import { ANSI, PLAIN, shouldColor } from './color'
import { renderSummary } from './render'
import { createLiveView, createLogView, type TerminalOutput } from './views'

const PROMPTS = [
  'A calico cat playing a grand piano on stage, warm spotlight',
  'Paper boats racing down a rainy street gutter, macro lens',
  'A lighthouse at dusk as a storm rolls in, cinematic',
  'Time-lapse of a city skyline from day to night',
  'A corgi surfing a small wave at sunrise',
  'Origami cranes taking flight from an open book',
  'A steaming bowl of ramen, slow dolly-in',
  'Northern lights over a frozen lake, stars turning',
]

/** The API the CLI talks to, and how to stop it. */
export interface Connection {
  transport: VideoTransport
  /** HTTP requests sent so far, for the summary. */
  requests(): number
  /** What is answering, for the first line. */
  where: string
  close(): Promise<void>
}

/** The process around the CLI: injectable, so tests run it on a fake terminal and fake timers. */
export interface CliProcess {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  stdout: TerminalOutput & {
    readonly isTTY?: boolean
    on?(event: 'resize', listener: () => void): unknown
    off?(event: 'resize', listener: () => void): unknown
  }
  stderr: { write(text: string): unknown }
  /** Default: the embedded mock API on a loopback port, or `--base-url` over HTTP. */
  connect?: (options: CliOptions) => Promise<Connection>
}

/** Counts HTTP requests so the summary can show how few the shared poller needed. */
function countingFetch(inner: typeof fetch): { fetch: typeof fetch; count: () => number } {
  let count = 0
  return {
    fetch: (input, init) => {
      count++
      return inner(input, init)
    },
    count: () => count,
  }
}

/**
 * The embedded mock API on a free loopback port (or the compatible server of `--base-url`), with a fetch
 * transport that counts its requests.
 *
 * @example const connection = await connectOverHttp(parseCliArgs(['--jobs', '3']))
 */
export async function connectOverHttp(options: CliOptions): Promise<Connection> {
  const counter = countingFetch(globalThis.fetch)
  if (options.baseURL) {
    const transport = createFetchTransport({
      baseURL: options.baseURL,
      apiKey: options.apiKey,
      headers: options.headers,
      fetch: counter.fetch,
    })
    return { transport, requests: counter.count, where: options.baseURL, close: async () => undefined }
  }
  const api = createMockVideoApi({
    seed: options.seed,
    failRate: options.failRate,
    latencyMs: [40, 160],
    queueMs: 1_500,
    renderMs: (_job, random) => 6_000 + Math.round(random() * 10_000),
  })
  const server = await api.listen(0)
  const transport = createFetchTransport({ baseURL: server.url, fetch: counter.fetch })
  return { transport, requests: counter.count, where: 'the embedded mock API', close: () => server.close() }
}

/**
 * Runs the CLI and resolves with its exit code: {@link EXIT}.completed when every job completed,
 * `notCompleted` when one failed, was deleted or could not be read, `usage` for a wrong command line.
 *
 * @example process.exitCode = await runCli({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr })
 */
export async function runCli(cli: CliProcess): Promise<number> {
  let options: CliOptions
  try {
    options = parseCliArgs(cli.argv, cli.env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    cli.stderr.write(`vidjob-watch: ${error.message}\nRun 'vidjob-watch --help' for the options.\n`)
    return EXIT.usage
  }
  if (options.help) {
    cli.stdout.write(`${USAGE}\n`)
    return EXIT.completed
  }
  const connection = await (cli.connect ?? connectOverHttp)(options)
  try {
    return await watch(cli, options, connection)
  } catch (error) {
    cli.stderr.write(`vidjob-watch: ${error instanceof Error ? `${error.name}: ${error.message}` : error}\n`)
    return EXIT.notCompleted
  } finally {
    await connection.close()
  }
}

async function watch(cli: CliProcess, options: CliOptions, connection: Connection): Promise<number> {
  const { stdout } = cli
  const client = createVideoClient({ transport: connection.transport })
  const ids =
    options.ids.length > 0
      ? options.ids
      : await Promise.all(
          Array.from({ length: options.jobs }, (_, i) =>
            client.create({ prompt: PROMPTS[i % PROMPTS.length] as string, seconds: '8' }).then((v) => v.id),
          ),
        )
  const live = stdout.isTTY === true
  const palette = shouldColor({ flag: options.color, env: cli.env, isTTY: live }) ? ANSI : PLAIN
  stdout.write(`Tracking ${ids.length} video jobs on ${connection.where}…\n\n`)
  const startedAt = Date.now()
  const finishedAt = new Map<string, number>()
  const view = live ? createLiveView(stdout, palette) : createLogView(stdout, () => Date.now() - startedAt)
  stdout.on?.('resize', view.resize)
  try {
    const states = await new Promise<readonly VideoJobState[]>((resolve) => {
      const subscription = combineLatest(ids.map((id) => client.job$(id))).subscribe((states) => {
        for (const state of states)
          if (state.isTerminal && !finishedAt.has(state.id)) finishedAt.set(state.id, Date.now())
        view.draw(states)
        const permanentError = (s: VideoJobState): boolean => !s.isPolling && s.error !== undefined
        if (states.every((s) => s.isTerminal || permanentError(s))) {
          queueMicrotask(() => subscription.unsubscribe())
          resolve(states)
        }
      })
    })
    const facts = { startedAt, now: Date.now(), finishedAt, requests: connection.requests() }
    stdout.write(
      `${renderSummary(states, facts, { palette, ...(live ? { columns: stdout.columns || 80 } : {}) })}\n`,
    )
    return states.every((s) => s.status === 'completed' && !s.isDeleted) ? EXIT.completed : EXIT.notCompleted
  } finally {
    stdout.off?.('resize', view.resize)
    view.close()
    client.dispose()
  }
}
