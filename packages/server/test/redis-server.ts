import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's `redis-server` package; CI installs it (`.ci/run`). */
const REDIS_SERVER = '/usr/bin/redis-server'
const START_TIMEOUT_MS = 5_000

/** A `redis-server` of this test run's own, on a free loopback port. */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string
  /** Stops the server (SIGTERM) and waits for it to exit; the port stays this server's for `start()`. */
  stop(): Promise<void>
  /** Starts it again on the same port once stopped: empty, or with what it held when `persist` is on. */
  start(): Promise<void>
  /** Stops it and removes its folder. */
  dispose(): Promise<void>
}

/**
 * Starts a throwaway Redis (its own temp folder, loopback only) and resolves once it answers PING. Nothing
 * is saved unless `persist` (an append-only file, as a production Redis keeps, so a restart loses nothing). Fails, never skips, when `redis-server` is missing: the Redis tests are part of the suite.
 *
 * @example
 * let redis: TestRedis
 * beforeAll(async () => { redis = await startRedis() })
 * afterAll(() => redis.dispose())
 */
export async function startRedis(options: { persist?: boolean } = {}): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER))
    throw new Error(
      `The Redis tests need Debian's redis-server at ${REDIS_SERVER}; install it with \`apt-get install -y redis-server\` (.ci/run does this in CI).`,
    )
  const dir = mkdtempSync(join(tmpdir(), 'vidjob-redis-'))
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      options.persist ? 'yes' : 'no',
      '--appendfsync',
      'always',
      '--dir',
      dir,
    ]
    const started = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    child = started
    let output = ''
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const deadline = Date.now() + START_TIMEOUT_MS
    while (!(await answersPing(port))) {
      if (started.exitCode !== null || Date.now() > deadline) {
        started.kill('SIGKILL')
        throw new Error(
          `redis-server did not answer PING on port ${port} within ${START_TIMEOUT_MS} ms:\n${output}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  const stop = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    async dispose() {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Whether a Redis answers `PING` on the port (inline command, `+PONG` reply). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}
