import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const packageDir = new URL('..', import.meta.url)

/**
 * Runs a TypeScript entry of this package in a fresh Node process (`--expose-gc`, tsx with the
 * workspace sources, JSX included) and returns the JSON it wrote with {@link writeChildResult}. A fresh
 * process per measurement keeps one library's heap, JIT state and globals from bending another's numbers.
 *
 * @example const result = await runChild<ScenarioResult>('src/run-scenario.ts', ['cpu'])
 */
export async function runChild<T>(
  entry: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<T> {
  const scratch = await mkdtemp(join(tmpdir(), 'vidjob-bench-'))
  const out = join(scratch, 'result.json')
  try {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', entry, out, ...args], {
      cwd: packageDir,
      stdio: 'inherit',
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.run.json', ...env },
    })
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject)
      child.on('exit', (code, signal) =>
        code === 0
          ? resolve()
          : reject(new Error(`${entry} ${args.join(' ')} failed (${signal ?? `exit ${code}`}).`)),
      )
    })
    return JSON.parse(await readFile(out, 'utf8')) as T
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/**
 * The child's half of {@link runChild}: its arguments (after the result path) and how to hand back a
 * result.
 *
 * @example const { args, write } = childArgs(); await write(await measure(args))
 */
export function childArgs(): { args: readonly string[]; write: (result: unknown) => Promise<void> } {
  const [out, ...args] = process.argv.slice(2)
  if (out === undefined) throw new Error('Run this entry through runChild(): it needs a result path.')
  return { args, write: (result) => writeFile(out, JSON.stringify(result)) }
}
