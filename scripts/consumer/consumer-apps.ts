import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PACKS_DIR, publicPackages, tarballName } from '../test-support/packages'
import { runCommand } from '../test-support/processes'

const root = fileURLToPath(new URL('../..', import.meta.url))
const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url))

/** The three consumers, each installed with npm from the packed tarballs in a folder of its own. */
export interface ConsumerApps {
  /** The temporary folder outside the workspace that holds them (and npm's cache for this run). */
  readonly dir: string
  /** A fresh Vite + React app on `@vidjob/react`. */
  readonly react: string
  /** A fresh Vite + Vue app on `@vidjob/vue`. */
  readonly vue: string
  /** Plain Node scripts (the client, the mock API and the relay): ESM, CommonJS, and `module: node16` type checks. */
  readonly node: string
  /** The environment to run their tools in: none of the workspace's npm, pnpm or vitest settings. */
  readonly env: NodeJS.ProcessEnv
  /** How long each npm install took, in ms. */
  readonly installMs: Record<'react' | 'vue' | 'node', number>
  dispose(): void
}

const consumerApps = {
  react: {
    dependencies: ['@vidjob/core', '@vidjob/react', 'react', 'react-dom', 'rxjs'],
    devDependencies: [
      '@vidjob/mock-api',
      'vite',
      '@vitejs/plugin-react',
      'typescript',
      '@types/react',
      '@types/react-dom',
      '@types/node',
    ],
  },
  vue: {
    dependencies: ['@vidjob/core', '@vidjob/vue', 'vue', 'rxjs'],
    devDependencies: [
      '@vidjob/mock-api',
      'vite',
      '@vitejs/plugin-vue',
      'vue-tsc',
      'typescript',
      '@types/node',
    ],
  },
  node: {
    dependencies: [
      '@vidjob/core',
      '@vidjob/mock-api',
      '@vidjob/react',
      '@vidjob/server',
      '@vidjob/vue',
      'rxjs',
      'react',
      'vue',
    ],
    devDependencies: ['typescript', '@types/node', '@types/react'],
  },
} as const

/**
 * The tarballs `pnpm build` packed (`.packs/`), one per public package at its current version. Throws when
 * one is missing, so a stale or absent pack never passes unnoticed.
 */
export function packedTarballs(): Map<string, string> {
  return new Map(
    publicPackages().map((pkg) => {
      const file = join(PACKS_DIR, tarballName(pkg))
      try {
        readFileSync(file)
      } catch {
        throw new Error(`${file} is missing: run \`npx pnpm@10.34.8 build\` first (it packs the packages).`)
      }
      return [pkg.name, file]
    }),
  )
}

/**
 * Copies the fixture apps to a new temporary folder outside the workspace, points their `@vidjob/*`
 * dependencies at copies of the tarballs (`file:`), every other one at the range this repository uses,
 * and installs each with `npm install` (in parallel, one npm cache for the run).
 */
export async function installConsumerApps(): Promise<ConsumerApps> {
  const dir = mkdtempSync(join(tmpdir(), 'vidjob-consumer-'))
  const packs = join(dir, 'packs')
  const tarballs = new Map(
    [...packedTarballs()].map(([name, file]) => {
      const copy = join(packs, file.slice(PACKS_DIR.length + 1))
      cpSync(file, copy)
      return [name, `file:${copy}`]
    }),
  )
  const rangeOf = (name: string): string => tarballs.get(name) ?? workspaceRange(name)
  const env = consumerEnv()
  const install = async (name: keyof typeof consumerApps): Promise<number> => {
    const appDir = join(dir, name)
    const { dependencies, devDependencies } = consumerApps[name]
    cpSync(join(fixtures, name === 'node' ? 'node' : `${name}-app`), appDir, { recursive: true })
    const manifest = {
      name: `vidjob-consumer-${name}`,
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(dependencies.map((dep) => [dep, rangeOf(dep)])),
      devDependencies: Object.fromEntries(devDependencies.map((dep) => [dep, rangeOf(dep)])),
    }
    writeFileSync(join(appDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    const started = Date.now()
    await runCommand(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
        '--cache',
        join(dir, 'npm-cache'),
      ],
      { cwd: appDir, env, timeoutMs: 480_000 },
    )
    return Date.now() - started
  }
  try {
    const [react, vue, node] = await Promise.all([install('react'), install('vue'), install('node')])
    return {
      dir,
      react: join(dir, 'react'),
      vue: join(dir, 'vue'),
      node: join(dir, 'node'),
      env,
      installMs: { react, vue, node },
      dispose: () => rmSync(dir, { recursive: true, force: true }),
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

/** The `package.json` of a tarball, read without unpacking it. */
export async function packedManifest(tarball: string): Promise<Record<string, unknown>> {
  return JSON.parse(await packedFile(tarball, 'package.json')) as Record<string, unknown>
}

/** A file of a tarball (`LICENSE`, `package.json`), read without unpacking it. */
export function packedFile(tarball: string, path: string): Promise<string> {
  return runCommand('tar', ['-xzOf', tarball, `package/${path}`], {})
}

/** The range this repository declares for a third-party package (the examples', core's or the root's). */
function workspaceRange(name: string): string {
  const manifests = ['examples/react-dashboard', 'examples/vue-dashboard', 'packages/core', '.'].map((dir) =>
    JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')),
  )
  for (const manifest of manifests)
    for (const field of ['dependencies', 'devDependencies'])
      if (manifest[field]?.[name]) return manifest[field][name] as string
  throw new Error(`No range for ${name} in the workspace's package.json files.`)
}

/**
 * The test runner's environment without what the workspace's own tools put there: npm and pnpm settings
 * (`npm_config_*`, `npm_package_*` …), vitest's variables and `NODE_ENV` (production would skip the
 * devDependencies). The registry and proxy settings stay, so npm reaches the same registry.
 */
function consumerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }
  for (const name of Object.keys(env)) {
    const keep = /^npm_config_(registry|https?_proxy|proxy|noproxy|cafile|strict_ssl)$/i.test(name)
    if (!keep && /^(npm_|pnpm_|vitest|node_env$|init_cwd$)/i.test(name)) delete env[name]
  }
  return env
}
