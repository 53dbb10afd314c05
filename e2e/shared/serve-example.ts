import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { exampleBin } from './example-tooling'

/** A built example app served by its own `vite preview`. */
export interface ServedExample {
  /** Where the app is, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string
  /** What `vite build --logLevel warn` printed: empty for a clean build, else its warnings. */
  readonly buildOutput: string
  close(): Promise<void>
}

/** Options of {@link buildAndServe}. */
export interface ServeOptions {
  /** The Videos API the app's `/api/videos/v1` forwards to (`VIDJOB_BASE_URL`), e.g. a {@link startMockApi} url. */
  apiBaseURL: string
  /** Extra environment for the build and the server. */
  env?: Record<string, string>
  /** How long the server may take to answer its first request. Default 30 s. */
  startTimeoutMs?: number
  /** `false` serves the `dist/` an earlier call built (the API it forwards to is read at serve time). */
  build?: boolean
  /** The port to serve on (a restarted app keeps its page's origin); default a free one. */
  port?: number | undefined
}

/**
 * Builds an example with `vite build` (a production bundle, as `start` serves it), then serves `dist/`
 * with `vite preview` on 127.0.0.1 and a free port. The example's vite config must serve `/api/videos/v1/*`
 * through the relay in front of `VIDJOB_BASE_URL` in preview, with the demo sign-in (see e2e/shared/README.md).
 *
 * @example
 * const mock = await startMockApi()
 * const app = await buildAndServe(fileURLToPath(new URL('../examples/react-dashboard', import.meta.url)), { apiBaseURL: mock.url })
 * await page.goto(app.url)
 */
export async function buildAndServe(exampleDir: string, options: ServeOptions): Promise<ServedExample> {
  // Ann (the page signs in as her) owns what the tests make on the mock directly; the store lives in memory
  // unless a test gives it a file.
  const env = childEnv({
    VIDJOB_BASE_URL: options.apiBaseURL,
    VIDJOB_DEMO_ADOPT: '1',
    VIDJOB_RELAY_DB: ':memory:',
    ...options.env,
  })
  const buildOutput =
    options.build === false
      ? ''
      : await run(exampleBin(exampleDir, 'vite'), ['build', '--logLevel', 'warn'], exampleDir, env)
  const port = options.port ?? (await freePort())
  const server = spawn(
    exampleBin(exampleDir, 'vite'),
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: exampleDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  )
  const output = collect(server)
  const url = `http://127.0.0.1:${port}/`
  const close = () => stop(server)
  try {
    await waitUntilServing(url, server, output, options.startTimeoutMs ?? 30_000)
  } catch (error) {
    await close()
    throw error
  }
  return { url, buildOutput, close }
}

/** The test runner's environment, minus what would make vite build a test bundle. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, NODE_ENV: 'production' }
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name]
  return env
}

/** Runs a command to its end; resolves with what it printed, rejects with it when it fails. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const output = collect(child)
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve(output())
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output()}`)),
    )
  })
}

function collect(child: ChildProcess): () => string {
  let text = ''
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()))
  return () => text
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function waitUntilServing(url: string, server: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}:\n${output()}`)
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms:\n${output()}`)
}

/** Ends the server and whatever it started (it runs in its own process group), forcibly if it lingers. */
function stop(child: ChildProcess): Promise<void> {
  const { pid } = child
  if (child.exitCode !== null || child.signalCode !== null || pid === undefined) return Promise.resolve()
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => process.kill(-pid, 'SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    process.kill(-pid, 'SIGTERM')
  })
}
