import { fileURLToPath } from 'node:url'

const packages = (path: string): string => fileURLToPath(new URL(`../packages/${path}`, import.meta.url))

/**
 * The workspace packages (and core's subpaths) resolved to their sources, for Vitest and for the example
 * apps' Vite configs: inside this monorepo nothing needs a package build, and edits hot-reload. An app
 * outside the monorepo installs `@vidjob/*` and has no use for these.
 */
export const workspaceAliases = [
  { find: /^@vidjob\/core$/, replacement: packages('core/src/index.ts') },
  { find: /^@vidjob\/core\/(schema|bindings)$/, replacement: packages('core/src/$1/index.ts') },
  { find: /^@vidjob\/core\/openai$/, replacement: packages('core/src/openai.ts') },
  { find: /^@vidjob\/(mock-api|react|vue|server)$/, replacement: packages('$1/src/index.ts') },
]
