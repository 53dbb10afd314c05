/**
 * Compiles every `ts`/`tsx`/`js`/`vue` block of the documentation against the workspace packages (their
 * sources, as the repository's tsconfig maps them), with vue-tsc and the repository's strict settings, and
 * runs the blocks marked `<!-- docs-check: run -->`. Blocks are written to `docs/.tmp/code-blocks/`, where
 * `docs/node_modules` (the private package `@vidjob/docs`) provides React, Vue, rxjs, TanStack Query and
 * the testing libraries they import. See `code-blocks.ts` for the directives.
 *
 * `node --import tsx scripts/docs/check-code-blocks.ts` prints one line per problem (file:line of the
 * Markdown) and a summary, and exits 1 when a block fails.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCommand } from '../test-support/processes'
import { CHECKED_LANGUAGES, documentationBlocks, type CodeBlock } from './code-blocks'

const root = fileURLToPath(new URL('../..', import.meta.url))
/** Where the blocks are written: inside `docs/`, so `docs/node_modules` resolves their imports. */
export const CODE_BLOCKS_DIR = join(root, 'docs', '.tmp', 'code-blocks')

/** What a check found. */
export interface CodeBlockReport {
  /** Blocks compiled (a continued block counts once more, with what it continues). */
  readonly compiled: number
  /** Blocks marked partial, with their reasons. */
  readonly partial: readonly string[]
  /** Blocks run, and how. */
  readonly ran: readonly string[]
  /** One line per problem, `file.md:line: message`. */
  readonly problems: readonly string[]
}

/** A generated file and the Markdown lines it was made of (a continued block holds several segments). */
interface Unit {
  readonly name: string
  readonly segments: readonly { readonly firstLine: number; readonly block: CodeBlock }[]
  readonly run: 'node' | 'vitest' | undefined
}

/**
 * Writes the blocks out, type-checks them all in one vue-tsc program and runs the ones marked `run`.
 *
 * @example const { problems } = await checkCodeBlocks(); expect(problems).toEqual([])
 */
export async function checkCodeBlocks(
  blocks: readonly CodeBlock[] = documentationBlocks(),
  dir: string = CODE_BLOCKS_DIR,
): Promise<CodeBlockReport> {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const { units, partial } = writeUnits(blocks, dir)
  writeConfigs(dir)
  const problems: string[] = []
  if (units.length > 0) {
    const typeCheck = await runCommand(
      join(root, 'docs/node_modules/.bin/vue-tsc'),
      ['-p', 'tsconfig.json', '--pretty', 'false'],
      {
        cwd: dir,
        timeoutMs: 300_000,
      },
    ).then(
      () => '',
      (error: Error) => error.message,
    )
    problems.push(...typeErrors(typeCheck, units))
  }
  const ran: string[] = []
  for (const unit of units.filter((candidate) => candidate.run)) {
    const where = describe(unit.segments.at(-1)!.block)
    ran.push(`${where} (${unit.run})`)
    const [command, args, env] =
      unit.run === 'vitest'
        ? [join(root, 'node_modules/.bin/vitest'), ['run', '--config', 'vitest.config.ts', unit.name], {}]
        : ['node', ['--import', 'tsx', unit.name], { TSX_TSCONFIG_PATH: join(dir, 'tsconfig.json') }]
    await runCommand(command, args, { cwd: dir, env: runEnv(env), timeoutMs: 120_000 }).catch(
      (error: Error) => problems.push(`${where}: the block failed when run:\n${error.message}`),
    )
  }
  return { compiled: units.length, partial, ran, problems }
}

/**
 * Writes each block into a folder per Markdown file. A block whose first line names a file (`// main.ts`,
 * `<!-- App.vue -->`) is written under that name, so the blocks of one page can import each other
 * (`import App from './App.vue'`); the others are named after their line.
 */
function writeUnits(blocks: readonly CodeBlock[], dir: string): { units: Unit[]; partial: string[] } {
  const units: Unit[] = []
  const partial: string[] = []
  const lastInFile = new Map<string, { unit: Unit; code: string; ext: string }>()
  for (const block of blocks) {
    const ext = CHECKED_LANGUAGES[block.lang]
    if (ext === undefined) continue
    if (block.directives.partial !== undefined) {
      partial.push(`${describe(block)}: ${block.directives.partial}`)
      continue
    }
    const previous = block.directives.continues ? lastInFile.get(block.file) : undefined
    if (block.directives.continues && (!previous || ext === 'vue' || previous.ext === 'vue'))
      throw new Error(`${describe(block)}: "continues" needs an earlier ts/tsx/js block in the same file`)
    const code = previous ? `${previous.code}\n${block.code}` : block.code
    const unitExt = previous?.ext === 'tsx' ? 'tsx' : ext
    const run = !block.directives.run ? undefined : /from ['"]vitest['"]/.test(code) ? 'vitest' : 'node'
    const folder = block.file.replace(/\.md$/, '').replace(/[^\w]+/g, '-')
    const declared = /^(?:\/\/\s*|<!--\s*)([\w.-]+\.(?:ts|tsx|js|vue))\b/.exec(block.code)?.[1]
    const name = `${folder}/${declared ?? `L${block.line}${run === 'vitest' ? '.spec' : ''}.${unitExt}`}`
    if (units.some((unit) => unit.name === name))
      throw new Error(`${describe(block)}: another block of this page is already named ${name}`)
    const segments = [
      ...(previous?.unit.segments ?? []),
      { firstLine: (previous ? previous.code.split('\n').length : 0) + 1, block },
    ]
    const unit: Unit = { name, segments, run }
    mkdirSync(join(dir, folder), { recursive: true })
    writeFileSync(join(dir, name), `${code}\n`)
    units.push(unit)
    lastInFile.set(block.file, { unit, code, ext: unitExt })
  }
  return { units, partial }
}

/**
 * The repository's strict settings and its `paths` to the packages' sources (absolute, plus a fallback for
 * any other `@vidjob/*` package), `moduleDetection: force` so blocks never share a scope, and a vitest
 * config that resolves the packages the same way.
 */
function writeConfigs(dir: string): void {
  const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> }
  }
  const paths = Object.fromEntries(
    Object.entries(base.compilerOptions.paths).map(([name, targets]) => [
      name,
      targets.map((target) => join(root, target)),
    ]),
  )
  const config = {
    extends: join(root, 'tsconfig.base.json'),
    compilerOptions: {
      noEmit: true,
      composite: false,
      declaration: false,
      jsx: 'react-jsx',
      allowJs: true,
      checkJs: true,
      moduleDetection: 'force',
      types: ['node'],
      paths: { ...paths, '@vidjob/*': [join(root, 'packages/*/src/index.ts')] },
    },
    include: ['*/**/*.ts', '*/**/*.tsx', '*/**/*.js', '*/**/*.vue'],
  }
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(config, null, 2)}\n`)
  writeFileSync(
    join(dir, 'vitest.config.ts'),
    [
      `import { defineConfig } from 'vitest/config'`,
      `import { workspaceAliases } from ${JSON.stringify(join(root, 'scripts/workspace-aliases.ts'))}`,
      `export default defineConfig({ resolve: { alias: workspaceAliases }, test: { include: ['**/*.{spec,test}.*'] } })`,
      '',
    ].join('\n'),
  )
}

/** vue-tsc's `file(line,col): error TS…` lines, pointed back at the Markdown. */
function typeErrors(output: string, units: readonly Unit[]): string[] {
  const byName = new Map(units.map((unit) => [unit.name, unit]))
  const problems = new Set<string>()
  for (const match of output.matchAll(/^(\S+?)\((\d+),(\d+)\): (error TS\d+: .*(?:\n {2,}.*)*)/gm)) {
    const [, file = '', line = '0', column = '0', message = ''] = match
    const unit = byName.get(file.replace(/^\.\//, ''))
    if (!unit) {
      problems.add(`${file}(${line},${column}): ${message}`)
      continue
    }
    const generated = Number(line)
    const segment = [...unit.segments].reverse().find((candidate) => candidate.firstLine <= generated)!
    const markdownLine = segment.block.line + 1 + (generated - segment.firstLine)
    problems.add(`${segment.block.file}:${markdownLine}:${column}: ${message}`)
  }
  if (problems.size === 0 && output) problems.add(`vue-tsc failed:\n${output}`)
  return [...problems]
}

const describe = (block: CodeBlock): string => `${block.file}:${block.line}`

/** The environment without the calling vitest's variables, which would make a child vitest misbehave. */
function runEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') || name === 'NODE_ENV') delete env[name]
  return env
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await checkCodeBlocks()
  for (const problem of report.problems) console.error(problem)
  console.log(
    `${report.compiled} code blocks compiled, ${report.ran.length} run, ${report.partial.length} marked partial; ` +
      `${report.problems.length} problems`,
  )
  process.exitCode = report.problems.length > 0 ? 1 : 0
}
