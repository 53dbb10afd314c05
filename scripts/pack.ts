/**
 * Packs every public package of `packages/` with `pnpm pack` into `.packs/` (emptied first), the tarballs
 * a user installs today (`npm install ./vidjob-core-0.1.0.tgz …`; nothing is published to npm yet) and the
 * consumer test installs. `pnpm pack` turns the `workspace:` ranges into the real versions. Run by
 * `pnpm build` after the package builds; prints one line per tarball.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PACKS_DIR, publicPackages, tarballName } from './test-support/packages'

const root = fileURLToPath(new URL('..', import.meta.url))
const { packageManager } = (await import('../package.json', { with: { type: 'json' } })).default

rmSync(PACKS_DIR, { recursive: true, force: true })
mkdirSync(PACKS_DIR, { recursive: true })
const packages = publicPackages()
execFileSync(
  'npx',
  [
    '-y',
    packageManager,
    '-r',
    ...packages.flatMap((pkg) => ['--filter', pkg.name]),
    'pack',
    '--pack-destination',
    PACKS_DIR,
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
)
for (const pkg of packages) {
  const file = `${PACKS_DIR}/${tarballName(pkg)}`
  console.log(`${file.slice(root.length)}  ${(statSync(file).size / 1024).toFixed(1)} kB`)
}
