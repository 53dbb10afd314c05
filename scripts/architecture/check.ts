/**
 * The structural checks of the core redesign, run in CI (`pnpm architecture`):
 * 1. no import cycle in core, and each folder imports only the layers below it (dependency-cruiser);
 * 2. the path from `useVideoJob(id)` to `fetch` enters `client.ts` once (traced at run time);
 * 3. the poller's dependencies are at most 4, and none is a callback;
 * 4. no file in `packages/*\/src` is over 300 lines.
 * Prints one line per check and exits non-zero when one fails.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

const MAX_LINES = 300
const MAX_POLLER_DEPS = 4
const POLLER = 'packages/core/src/sync/poller.ts'

interface Check {
  readonly name: string
  readonly ok: boolean
  readonly detail: string
}

function layering(): Check {
  try {
    const output = execFileSync(
      'npx',
      ['depcruise', '--config', '.dependency-cruiser.cjs', '--output-type', 'err', 'packages/core/src'],
      { encoding: 'utf8', stdio: 'pipe' },
    )
    return { name: 'core has no import cycle and respects its layers', ok: true, detail: output.trim() }
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    return {
      name: 'core has no import cycle and respects its layers',
      ok: false,
      detail: `${stdout}${stderr}`,
    }
  }
}

function callPath(): Check {
  const output = execFileSync('node', ['--import', 'tsx', 'scripts/architecture/call-path.ts'], {
    encoding: 'utf8',
    env: { ...process.env, TSX_TSCONFIG_PATH: 'scripts/architecture/tsconfig.json' },
  })
  const { clientEntries, hops, files } = JSON.parse(output) as {
    clientEntries: number
    hops: number
    files: number
  }
  return {
    name: 'useVideoJob(id) → fetch enters client.ts once',
    ok: clientEntries === 1,
    detail: `${clientEntries} entries into client.ts; ${hops} calls through ${files} files`,
  }
}

function pollerDeps(): Check {
  const source = ts.createSourceFile(POLLER, readFileSync(POLLER, 'utf8'), ts.ScriptTarget.Latest, true)
  const deps = source.statements.find(
    (node): node is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(node) && node.name.text === 'PollerDeps',
  )
  if (deps === undefined) return { name: 'PollerDeps', ok: false, detail: `no PollerDeps in ${POLLER}` }
  const callbacks = deps.members
    .filter((member) => ts.isMethodSignature(member) || isFunctionProperty(member))
    .map((member) => member.name?.getText(source))
  const count = deps.members.length
  return {
    name: `PollerDeps has at most ${MAX_POLLER_DEPS} members and no callback`,
    ok: count <= MAX_POLLER_DEPS && callbacks.length === 0,
    detail: `${count} members${callbacks.length > 0 ? `, callbacks: ${callbacks.join(', ')}` : ''}`,
  }
}

function isFunctionProperty(member: ts.TypeElement): boolean {
  return ts.isPropertySignature(member) && member.type !== undefined && ts.isFunctionTypeNode(member.type)
}

function fileLengths(): Check {
  const long = sourceFiles()
    .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES)
  return {
    name: `no file in packages/*/src over ${MAX_LINES} lines`,
    ok: long.length === 0,
    detail: long.map(({ file, lines }) => `${file}: ${lines}`).join(', '),
  }
}

function sourceFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
  return readdirSync('packages').flatMap((pkg) => {
    const src = join('packages', pkg, 'src')
    return statSync(src, { throwIfNoEntry: false })?.isDirectory() ? walk(src) : []
  })
}

const checks = [layering(), callPath(), pollerDeps(), fileLengths()]
for (const check of checks)
  console.log(`${check.ok ? '✔' : '✘'} ${check.name}${check.detail ? ` — ${check.detail}` : ''}`)
process.exitCode = checks.every((check) => check.ok) ? 0 : 1
