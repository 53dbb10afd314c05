import { build, type Metafile } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

/** The sizes of one bundle and where its bytes came from. */
export interface BundleSize {
  readonly minifiedBytes: number
  readonly gzipBytes: number
  /** Minified bytes contributed by each input file. */
  readonly inputs: Readonly<Record<string, number>>
  readonly code: string
}

const packageDir = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Bundles `source` (an ES module importing the packages by name, resolved from this package's
 * node_modules to their built dist, as an app would) with esbuild — ESM, minified, tree-shaken, `NODE_ENV=production`, `external` left out — and
 * gzips it at level 9, as size-limit does.
 *
 * @example const { gzipBytes } = await bundleSize("export * from '@vidjob/core'", ['rxjs', 'zod'])
 */
export async function bundleSize(source: string, external: readonly string[]): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: [...external],
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'silent',
    // No tsconfig: its `paths` would map the workspace packages to their sources instead of their dist.
    tsconfigRaw: {},
  })
  const output = result.outputFiles[0]
  if (output === undefined) throw new Error('esbuild produced no output.')
  return {
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    inputs: inputBytes(result.metafile),
    code: output.text,
  }
}

function inputBytes(metafile: Metafile): Record<string, number> {
  const bytes: Record<string, number> = {}
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) bytes[input] = bytesInOutput
  return bytes
}
