import type { Options } from 'tsup'

/**
 * The build every published package shares: its entries (`src/index.ts` unless told) to ESM + CJS +
 * `.d.ts`, peers external. Code shared by several entries goes to one chunk in both formats, so a class
 * (an error, say) is the same class whichever entry it is reached through.
 */
export function packageBuild(
  external: string[] = [],
  entry: Record<string, string> = { index: 'src/index.ts' },
): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    splitting: true,
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    external,
  }
}
