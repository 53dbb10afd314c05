import { createFetchTransport } from '@vidjob/core'
import { createMockVideoApi, type MockVideoApiOptions } from '@vidjob/mock-api'
import { EventEmitter } from 'node:events'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EXIT, parseCliArgs, USAGE } from './args'
import { connectOverHttp, runCli, type CliProcess, type Connection } from './run'
import { createScreen } from './test-terminal'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** The mock API in-process (no socket), on the fake timers, counting requests. */
function inProcessMock(options: MockVideoApiOptions) {
  return async (): Promise<Connection> => {
    const api = createMockVideoApi({ queueMs: 1_000, renderMs: 4_000, ...options })
    let requests = 0
    const transport = createFetchTransport({
      baseURL: 'http://mock.local/v1',
      fetch: (input, init) => {
        requests++
        return api.fetch(input, init)
      },
    })
    return { transport, requests: () => requests, where: 'the test mock', close: async () => {} }
  }
}

/** A stream that is not a terminal (a pipe or a file). */
function pipe() {
  const chunks: string[] = []
  return { write: (text: string) => void chunks.push(text), text: () => chunks.join('') }
}

/** Runs the CLI to its end on fake timers, and returns its exit code. */
async function runToEnd(cli: CliProcess): Promise<number> {
  let code: number | undefined
  void runCli(cli).then((exit) => (code = exit))
  for (let step = 0; code === undefined && step < 400; step++) await vi.advanceTimersByTimeAsync(100)
  if (code === undefined) throw new Error('The CLI did not finish within 40 s of fake time.')
  return code
}

describe('runCli', () => {
  it('prints the usage and exits 0 for --help, without connecting', async () => {
    const stdout = pipe()
    const connect = vi.fn()
    expect(await runCli({ argv: ['--help'], env: {}, stdout, stderr: pipe(), connect })).toBe(EXIT.completed)
    expect(stdout.text()).toBe(`${USAGE}\n`)
    expect(connect).not.toHaveBeenCalled()
  })

  it('exits 2 with the reason on stderr for a wrong command line', async () => {
    const stderr = pipe()
    const connect = vi.fn()
    expect(await runCli({ argv: ['--jobs', 'lots'], env: {}, stdout: pipe(), stderr, connect })).toBe(
      EXIT.usage,
    )
    expect(stderr.text()).toBe(
      "vidjob-watch: --jobs must be an integer 1–50, got lots.\nRun 'vidjob-watch --help' for the options.\n",
    )
    expect(connect).not.toHaveBeenCalled()
  })

  it('on a terminal: redraws the bars in place, in colour, and exits 0 when every job completed', async () => {
    const screen = createScreen(80, 24)
    const tty = Object.assign(new EventEmitter(), screen.output, { isTTY: true })
    const code = await runToEnd({
      argv: ['--jobs', '3'],
      env: {},
      stdout: tty,
      stderr: pipe(),
      connect: inProcessMock({ failRate: 0 }),
    })

    expect(code).toBe(EXIT.completed)
    vi.useRealTimers()
    const lines = await screen.lines()
    expect(lines.slice(0, 5)).toEqual([
      'Tracking 3 video jobs on the test mock…',
      '',
      'A calico cat playing a … ████████████████████ 100%  completed',
      'Paper boats racing down… ████████████████████ 100%  completed',
      'A lighthouse at dusk as… ████████████████████ 100%  completed',
    ])
    expect(lines[6]).toMatch(/^Summary: 3\/3 completed, \d+ HTTP requests in \d+\.\ds$/)
    expect(lines).toHaveLength(10)
    expect(screen.written.join('')).toContain('\x1b[32m')
    expect(tty.listenerCount('resize')).toBe(0)
    screen.dispose()
  })

  it('on a terminal with NO_COLOR: still redraws, with no colour', async () => {
    const screen = createScreen(80, 24)
    const code = await runToEnd({
      argv: ['--jobs', '2'],
      env: { NO_COLOR: '1' },
      stdout: Object.assign(screen.output, { isTTY: true }),
      stderr: pipe(),
      connect: inProcessMock({ failRate: 0 }),
    })
    const written = screen.written.join('')
    expect(code).toBe(EXIT.completed)
    expect(written).toContain('\x1b[J')
    expect(written).not.toMatch(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`))
    screen.dispose()
  })

  it('into a pipe: plain log lines, no escape codes, and exit 1 when a job failed', async () => {
    const stdout = pipe()
    const code = await runToEnd({
      argv: ['--jobs', '1'],
      env: {},
      stdout,
      stderr: pipe(),
      connect: inProcessMock({ failRate: 1, seed: 4 }),
    })

    expect(code).toBe(EXIT.notCompleted)
    const text = stdout.text()
    expect(text).not.toContain('\x1b')
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Tracking 1 video jobs on the test mock…',
      '',
      expect.stringMatching(/^\[0\.0s\] video_\w+ queued “A calico cat playing a grand piano on s…”$/),
    ])
    expect(text).toMatch(/\] video_\w+ failed: .+ “A calico cat/)
    expect(text).toContain('Summary: 0/1 completed')
  })
})

describe('connectOverHttp', () => {
  it('sends the key and every --header to --base-url (a relay reads its session cookie)', async () => {
    vi.useRealTimers()
    const seen: IncomingHttpHeaders[] = []
    const server = createServer((request, response) => {
      seen.push(request.headers)
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({ id: 'video_1', object: 'video', status: 'queued', progress: 0, created_at: 1 }),
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const argv = [
        '--base-url',
        `http://127.0.0.1:${port}/api/videos/v1`,
        '--header',
        'cookie: vidjob_demo_user=ann',
      ]
      const connection = await connectOverHttp(parseCliArgs(argv, { OPENAI_API_KEY: 'sk-cli' }))
      await connection.transport.retrieve('video_1')
      expect(seen[0]).toMatchObject({ cookie: 'vidjob_demo_user=ann', authorization: 'Bearer sk-cli' })
      expect(connection.requests()).toBe(1)
    } finally {
      server.close()
    }
  })
})
