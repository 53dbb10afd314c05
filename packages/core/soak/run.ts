/**
 * `pnpm --filter @vidjob/core soak [--minutes 240] [--seed 7] [--jobs 1600]`: the soak spec with a longer
 * run or another seed, its report printed. Vitest's fake timers drive the simulated time, as in CI.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { soakEnvFromArgs } from './settings'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')
const env = { ...process.env, ...soakEnvFromArgs(process.argv.slice(2)), SOAK_REPORT: '1' }
const { status } = spawnSync(
  process.execPath,
  [vitest, 'run', '--project', 'core', 'packages/core/soak/soak.spec.ts'],
  { cwd: root, env, stdio: 'inherit' },
)
process.exitCode = status ?? 1
