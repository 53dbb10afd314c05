import { relative } from 'node:path'
import { bundleSize } from './bundle-size'

/** Where the bytes of core's whole entry come from. */
export interface CoreBreakdown {
  /** Minified bytes per source file, largest first, with the share of the bundle. */
  readonly modules: readonly {
    readonly file: string
    readonly minifiedBytes: number
    readonly share: number
  }[]
  readonly minifiedBytes: number
  readonly gzipBytes: number
  /** Minified bytes inside string and template literals (messages, mostly). */
  readonly stringLiteralBytes: number
}

const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g

/**
 * Bundles core's sources the way its dist entry is measured (rxjs and zod external) and attributes the
 * minified bytes to source files, so the size budget can be met where it matters.
 *
 * @example const { modules } = await coreBreakdown()
 */
export async function coreBreakdown(): Promise<CoreBreakdown> {
  const bundle = await bundleSize("export * from '../packages/core/src/index.ts'", ['rxjs', 'zod'])
  const modules = Object.entries(bundle.inputs)
    .map(([file, minifiedBytes]) => ({
      file: relative('../packages/core', file).replace(/^\.\.\/\.\.\/node_modules\/.*\/node_modules\//, ''),
      minifiedBytes,
      share: minifiedBytes / bundle.minifiedBytes,
    }))
    .filter((module) => module.minifiedBytes > 0)
    .sort((a, b) => b.minifiedBytes - a.minifiedBytes)
  const stringLiteralBytes = (bundle.code.match(STRING_LITERAL) ?? []).reduce(
    (sum, text) => sum + text.length,
    0,
  )
  return { modules, minifiedBytes: bundle.minifiedBytes, gzipBytes: bundle.gzipBytes, stringLiteralBytes }
}
