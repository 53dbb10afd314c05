import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** One check of benchmarks/.size-limit.cjs, as `size-limit --json` reports it. */
export interface SizeLimitCheck {
  readonly name: string
  readonly size: number
  readonly sizeLimit?: number
  readonly passed?: boolean
}

const packageDir = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Runs size-limit on .size-limit.cjs (the budgets CI enforces) and returns its JSON report, whether or
 * not every budget holds (size-limit then exits 1 but still reports).
 *
 * @example const checks = await runSizeLimit()
 */
export async function runSizeLimit(): Promise<readonly SizeLimitCheck[]> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('size-limit/package.json')), 'bin.js')
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, [bin, '--json'], { cwd: packageDir }, (error, out) =>
      out.trim().startsWith('[') ? resolve(out) : reject(error ?? new Error(`size-limit printed: ${out}`)),
    ),
  )
  return JSON.parse(stdout) as SizeLimitCheck[]
}
