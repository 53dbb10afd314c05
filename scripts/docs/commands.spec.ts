import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { documentationFiles } from './code-blocks'

const root = fileURLToPath(new URL('../..', import.meta.url))
const manifest = (dir: string) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'))
const rootManifest = manifest('.') as { packageManager: string; scripts: Record<string, string> }

/** Every package of the workspace, by name: its scripts and the executables it declares. */
const workspace = new Map(
  ['packages', 'examples']
    .flatMap((parent) => readdirSync(join(root, parent)).map((name) => `${parent}/${name}`))
    .concat(['benchmarks', 'docs'])
    .map(
      (dir) =>
        manifest(dir) as { name: string; scripts?: Record<string, string>; bin?: Record<string, string> },
    )
    .map((pkg) => [pkg.name, pkg]),
)
const unpublishedNames = new Set(
  [...workspace.values()].flatMap((pkg) => [pkg.name, ...Object.keys(pkg.bin ?? {})]),
)
const docs = documentationFiles().map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }))

describe('the commands the documentation suggests', () => {
  it('never npx a name of this workspace (none is published: npx would fetch a stranger’s package)', () => {
    const found = docs.flatMap(({ file, text }) =>
      [...text.matchAll(/\bnpx\s+(?:-{1,2}\S+\s+)*([@\w][\w./@-]*)/g)]
        .map((match) => match[1]?.replace(/@[^@/]*$/, '') ?? '')
        .filter((name) => unpublishedNames.has(name))
        .map((name) => `${file}: npx ${name}`),
    )
    expect(found).toEqual([])
  })

  it(`fetch pnpm at the version the repository pins (${rootManifest.packageManager})`, () => {
    const found = docs.flatMap(({ file, text }) =>
      [...text.matchAll(/\bnpx\s+(?:-y\s+)?(pnpm@\S+?)(?=[\s`)])/g)]
        .filter((match) => match[1] !== rootManifest.packageManager)
        .map((match) => `${file}: ${match[1]}`),
    )
    expect(found).toEqual([])
  })

  it("name the repository's own scripts as they exist (README.md and docs/ at the root)", () => {
    const found = docs
      .filter(({ file }) => file === 'README.md' || (file.startsWith('docs/') && !file.includes('/', 5)))
      .flatMap(({ file, text }) =>
        [...text.matchAll(/\b(?:npm run|npx pnpm@\S+ run)\s+([\w:-]+)/g)]
          .map((match) => match[1] ?? '')
          .filter((script) => !(script in rootManifest.scripts) && !ownAppScript(text, script))
          .map((script) => `${file}: no root script "${script}"`),
      )
    expect(found).toEqual([])
  })

  it('filter to workspace packages that have the script they run', () => {
    const found = docs.flatMap(({ file, text }) =>
      [...text.matchAll(/\bpnpm(?:@\S+)?\s+--filter\s+(\S+)\s+(?:run\s+)?([\w:-]+)/g)].flatMap((match) => {
        const [, name = '', script = ''] = match
        const pkg = workspace.get(name)
        if (!pkg) return [`${file}: --filter ${name} names no workspace package`]
        const builtIn = ['exec', 'add', 'install', 'test']
        return builtIn.includes(script) || pkg.scripts?.[script]
          ? []
          : [`${file}: ${name} has no script "${script}"`]
      }),
    )
    expect(found).toEqual([])
  })
})

/** A guide's own app script (its `"scripts"` shown in a json block of the page) is not the repository's. */
function ownAppScript(text: string, script: string): boolean {
  return new RegExp(`"${script}":\\s*"`).test(text)
}
