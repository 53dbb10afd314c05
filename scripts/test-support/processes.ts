import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'

/** A long-running child process (a server) started by {@link startProcess}. */
export interface RunningProcess {
  /** The first match of `ready` in its output (e.g. the URL it printed). */
  readonly ready: RegExpMatchArray
  /** Everything it printed so far, stdout and stderr. */
  output(): string
  /** Ends it and everything it started (its own process group), forcibly after 5 s. */
  close(): Promise<void>
}

/**
 * Starts a command in a process group of its own and waits until its output matches `ready`. Rejects with
 * the output when it exits first or `timeoutMs` passes.
 *
 * @example
 * const mock = await startProcess('npm', ['run', 'mock-api', '--', '--port', '0'], { ready: /listening on (\S+)/ })
 * const baseURL = mock.ready[1]
 * await mock.close()
 */
export async function startProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { ready: RegExp; timeoutMs?: number },
): Promise<RunningProcess> {
  const { ready, timeoutMs = 60_000, ...spawnOptions } = options
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let text = ''
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer)
      void endGroup(child).then(() => reject(new Error(`${command} ${args.join(' ')} ${why}:\n${text}`)))
    }
    const timer = setTimeout(
      () => fail(`printed nothing matching ${ready} within ${timeoutMs} ms`),
      timeoutMs,
    )
    const onData = (chunk: Buffer) => {
      text += chunk.toString()
      const found = text.match(ready)
      if (found) {
        clearTimeout(timer)
        resolve(found)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('error', (error) => fail(`could not start (${error.message})`))
    child.once('exit', (code) => fail(`exited with ${code}`))
  })
  return { ready: match, output: () => text, close: () => endGroup(child) }
}

function endGroup(child: ChildProcess): Promise<void> {
  const { pid } = child
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    signalGroup(pid, 'SIGTERM')
  })
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/**
 * Runs a command to its end. Resolves with what it printed (stdout and stderr); rejects with that output
 * when it exits non-zero, or after `timeoutMs` (its process group is ended then).
 *
 * @example const output = await runCommand('npm', ['install'], { cwd: appDir })
 */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { timeoutMs?: number },
): Promise<string> {
  const { timeoutMs = 300_000, ...spawnOptions } = options
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let text = ''
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()))
  const timer = setTimeout(() => void endGroup(child), timeoutMs)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  }).finally(() => clearTimeout(timer))
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${text}`)
  return text
}
