import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'

/**
 * Writes a generated file as the repository's Prettier settings would format it, so `prettier --check .`
 * (part of `pnpm lint`) passes on what the benchmarks write.
 *
 * @example await writeFormatted(new URL('../results.json', import.meta.url), JSON.stringify(report))
 */
export async function writeFormatted(file: URL, contents: string): Promise<string> {
  const path = fileURLToPath(file)
  const options = (await resolveConfig(path)) ?? {}
  await writeFile(path, await format(contents, { ...options, filepath: path }))
  return path
}
