/**
 * The code blocks of the documentation: every Markdown file a reader meets (READMEs and `docs/`), its
 * fenced blocks, and the directives that say how a block is checked. `check-code-blocks.ts` compiles them.
 *
 * A `ts`, `tsx`, `js` or `vue` block is compiled on its own, as a module, against the workspace packages.
 * An HTML comment on the line before a block changes that (it is invisible on GitHub and on the site):
 *
 * - `<!-- docs-check: continues -->` — the block goes on from the previous checked block of the same file
 *   (its names are in scope): the two are compiled as one module.
 * - `<!-- docs-check: run -->` — the block is also run: with vitest when it imports `vitest`, else with
 *   Node (through tsx), and must succeed.
 * - `<!-- docs-check: partial — why -->` — the block is intentionally incomplete and is not compiled; the
 *   reason is required.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The languages that are compiled, by the file extension they are written to. */
export const CHECKED_LANGUAGES: Readonly<Record<string, string>> = {
  ts: 'ts',
  typescript: 'ts',
  tsx: 'tsx',
  js: 'js',
  javascript: 'js',
  vue: 'vue',
}

/** One fenced block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository root. */
  readonly file: string
  /** The 1-based line of the opening fence. */
  readonly line: number
  /** The info string's first word, lower-cased (`ts`, `sh`, …); empty when none. */
  readonly lang: string
  readonly code: string
  readonly directives: Directives
}

/** What the comment before a block asks for. */
export interface Directives {
  readonly continues: boolean
  readonly run: boolean
  /** Set for a `partial` block: why it is not compiled. */
  readonly partial: string | undefined
}

const NO_DIRECTIVES: Directives = { continues: false, run: false, partial: undefined }

/**
 * The Markdown a reader meets: every tracked (or new, not ignored) `.md` file but the generated API
 * reference (`docs/api/`, compiled from the sources it is generated from), the changesets and changelogs
 * (release notes, frozen once written) and the specification extracts under `spec/`.
 */
export function documentationFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
    cwd: root,
    encoding: 'utf8',
  })
  return [...new Set(listed.split('\n').filter(Boolean))]
    .filter((file) => !/^(docs\/api\/|\.changeset\/|spec\/)|(^|\/)CHANGELOG\.md$|node_modules\//.test(file))
    .sort()
}

/** The fenced blocks of one Markdown text (backtick or tilde fences, indented ones too). */
export function extractBlocks(markdown: string, file: string): CodeBlock[] {
  const lines = markdown.split('\n')
  const blocks: CodeBlock[] = []
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[index] ?? '')
    if (!open) continue
    const [, indent = '', fence = '```', info = ''] = open
    const body: string[] = []
    let end = index + 1
    for (; end < lines.length; end++) {
      const line = lines[end] ?? ''
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart())
    }
    blocks.push({
      file,
      line: index + 1,
      lang: info.toLowerCase(),
      code: body.join('\n'),
      directives: directivesBefore(lines, index, file),
    })
    index = end
  }
  return blocks
}

/** The blocks of every documentation file. */
export function documentationBlocks(files: readonly string[] = documentationFiles()): CodeBlock[] {
  return files.flatMap((file) => extractBlocks(readFileSync(`${root}${file}`, 'utf8'), file))
}

function directivesBefore(lines: readonly string[], fenceIndex: number, file: string): Directives {
  let previous = fenceIndex - 1
  while (previous >= 0 && (lines[previous] ?? '').trim() === '') previous--
  const comment = /^\s*<!--\s*docs-check:\s*(.*?)\s*-->\s*$/.exec(lines[previous] ?? '')
  if (!comment) return NO_DIRECTIVES
  const text = comment[1] ?? ''
  const partial = /^partial\b\s*[—–:-]?\s*(.*)$/.exec(text)
  if (partial) {
    const reason = partial[1]?.trim() ?? ''
    if (!reason)
      throw new Error(`${file}:${fenceIndex + 1}: a partial block needs a reason (docs-check: partial — why)`)
    return { ...NO_DIRECTIVES, partial: reason }
  }
  const words = text.split(/[\s,]+/).filter(Boolean)
  const unknown = words.filter((word) => word !== 'continues' && word !== 'run')
  if (unknown.length > 0)
    throw new Error(`${file}:${fenceIndex + 1}: unknown docs-check directive ${unknown.join(', ')}`)
  return { continues: words.includes('continues'), run: words.includes('run'), partial: undefined }
}
