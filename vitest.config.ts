import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (pkg: string): string => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url))

/** Tests import the workspace packages from source, so no build is needed to run them. */
export const workspaceAliases = {
  '@vidjob/core': src('core'),
  '@vidjob/mock-api': src('mock-api'),
  '@vidjob/react': src('react'),
  '@vidjob/vue': src('vue'),
}

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: ['packages/*/src/**/*.spec.ts', 'packages/*/src/**/*.spec.tsx', 'examples/*/src/**/*.spec.ts'],
    unstubGlobals: true,
    restoreMocks: true,
  },
})
