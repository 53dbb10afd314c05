import { CLI_USAGE, CliArgsError, parseCliArgs, type CliEnvironment } from './cli-args'
import { createMockVideoApi } from './mock-api'
import type { MockServer } from './node-server'
import type { MockProfileCapabilities } from './profiles/profile'

/** Where the CLI writes. */
export interface CliOutput {
  out(line: string): void
  err(line: string): void
}

/** How a CLI run ended: serving (with the server to close), or done with an exit code. */
export type CliRun = { server: MockServer } | { exitCode: number }

const consoleOutput: CliOutput = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}

/**
 * Runs `vidjob-mock-api`: prints help, or starts the server with the requested options and faults and
 * prints its URL. Bad arguments print why and exit with 2, as CLIs conventionally do for usage errors.
 */
export async function runCli(
  argv: readonly string[],
  output: CliOutput = consoleOutput,
  env: CliEnvironment = process.env,
): Promise<CliRun> {
  try {
    const command = parseCliArgs(argv, env)
    if (command.kind === 'help') {
      output.out(CLI_USAGE)
      return { exitCode: 0 }
    }
    const api = createMockVideoApi(command.api)
    for (const rule of command.faults) api.faults.add(rule)
    const server = await api.listen(command.port, command.host, { control: command.control === true })
    output.out(`vidjob mock Videos API listening on ${server.url}`)
    output.out(
      `Use it as baseURL (e.g. createFetchTransport({ baseURL: '${server.url}' })). Ctrl+C stops it.`,
    )
    if (command.control) {
      output.out(
        `Fault control: GET|POST ${new URL(server.url).origin}/__mock/faults, POST …/__mock/clear-faults`,
      )
    }
    if (api.profile.name !== 'openai') output.out(describeProfile(api.profile))
    return { server }
  } catch (error) {
    if (!(error instanceof CliArgsError || error instanceof RangeError || isListenError(error))) throw error
    output.err(`vidjob-mock-api: ${error.message}`)
    output.err('Run vidjob-mock-api --help for the options.')
    return { exitCode: 2 }
  }
}

/**
 * One line on what the imitated server lacks or changes, so a person starting the CLI knows what to expect.
 */
export function describeProfile(profile: MockProfileCapabilities): string {
  const notes = [
    profile.list ? [] : ['no GET /videos'],
    profile.delete ? [] : ['no DELETE'],
    profile.remix ? [] : ['no remix'],
    profile.contentVariants ? [] : ['content variants ignored'],
    profile.jsonCreate ? [] : ['create as multipart/form-data only'],
    profile.stableIds ? [] : ['ids change between routes'],
    profile.requiredQuery.map((name) => `?${name}= on every request`),
    [`statuses ${profile.statuses.join('/')}`],
  ].flat()
  return `Profile ${profile.name}: ${notes.join(', ')}.`
}

function isListenError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string'
}
