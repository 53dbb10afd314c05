import type { Options } from 'tsup'

/**
 * The build every published package shares: its `src/index.ts` to ESM + CJS + `.d.ts`, peers external.
 *
 * @example export default defineConfig(packageBuild(['react', 'rxjs', '@vidjob/core']))
 */
export function packageBuild(external: string[] = []): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    external,
  }
}
