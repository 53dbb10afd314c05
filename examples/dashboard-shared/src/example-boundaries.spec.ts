import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const examplesDir = fileURLToPath(new URL('../../', import.meta.url))
const examples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

/** The app sources of an example (what its bundle is built from), specs left out. */
function appSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|vue)$/.test(entry.name) && !/\.spec\./.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Every module specifier of `import … from`, `export … from` and `import()`. */
function specifiers(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)
  return [...found].map((match) => match[1] ?? '')
}

describe('examples', () => {
  it.each(examples)('%s: app code reaches other examples only through their package names', (name) => {
    const root = join(examplesDir, name)
    const crossings: string[] = []
    for (const file of appSources(join(root, 'src')))
      for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue
        const target = `${resolve(dirname(file), specifier)}${sep}`
        if (target.startsWith(examplesDir) && !target.startsWith(`${root}${sep}`))
          crossings.push(`${relative(examplesDir, file)} imports ${specifier}`)
      }
    expect(crossings).toEqual([])
  })

  it('finds the imports it polices', () => {
    expect(
      specifiers(`import { a } from '../x'\nexport * from "./y"\nconst z = import('../z')\nimport './w.css'`),
    ).toEqual(['../x', './y', '../z', './w.css'])
  })
})
