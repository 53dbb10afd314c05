import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const workspace = fileURLToPath(new URL('../../../..', import.meta.url))
/**
 * The packages whose dist the size checks read.
 *
 * @example MEASURED_PACKAGES.map((name) => `@vidjob/${name}`)
 */
export const MEASURED_PACKAGES = ['core', 'react', 'vue'] as const

/**
 * Runs the tsup builds of the measured packages whose dist is missing or older than their sources, so
 * sizes are always of what would be published.
 *
 * @example await buildStalePackages()
 */
export async function buildStalePackages(): Promise<readonly string[]> {
  const stale: string[] = []
  for (const name of MEASURED_PACKAGES) if (await isStale(join(workspace, 'packages', name))) stale.push(name)
  if (stale.length === 0) return stale
  const filters = stale.flatMap((name) => ['--filter', `@vidjob/${name}`])
  const child = spawn('npx', ['--yes', 'pnpm@10.34.8', ...filters, 'build'], {
    cwd: workspace,
    stdio: 'inherit',
  })
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Building ${stale.join(', ')} failed.`)),
    )
  })
  return stale
}

async function isStale(dir: string): Promise<boolean> {
  const built = await stat(join(dir, 'dist', 'index.js')).catch(() => undefined)
  if (built === undefined) return true
  return (await newestMtime(join(dir, 'src'))) > built.mtimeMs
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs)
  }
  return newest
}
