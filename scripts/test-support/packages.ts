import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Where `pnpm build` leaves the packed tarballs (`scripts/pack.ts`). */
export const PACKS_DIR = join(root, '.packs')

/** A package of `packages/` that is published (not `private`). */
export interface PublicPackage {
  readonly name: string
  readonly version: string
  readonly dir: string
}

/** The public packages of `packages/`, by folder name. */
export function publicPackages(): PublicPackage[] {
  const packagesDir = join(root, 'packages')
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(packagesDir, entry.name))
    .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ json }) => json.private !== true)
    .map(({ dir, json }) => ({ name: json.name as string, version: json.version as string, dir }))
}

/** The file `pnpm pack` writes for a package: `@vidjob/core` 0.1.0 → `vidjob-core-0.1.0.tgz`. */
export function tarballName(pkg: Pick<PublicPackage, 'name' | 'version'>): string {
  return `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`
}
