import { defineConfig } from 'vitest/config'
import { workspaceAliases } from './scripts/workspace-aliases.ts'

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    unstubGlobals: true,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['packages/core/**/*.spec.ts', 'packages/mock-api/**/*.spec.ts'],
          environment: 'node',
        },
      },
      // server: begin
      {
        extends: true,
        test: { name: 'server', include: ['packages/server/**/*.spec.ts'], environment: 'node' },
      },
      // server: end
      // react: begin
      {
        extends: true,
        test: { name: 'react', include: ['packages/react/**/*.spec.{ts,tsx}'], environment: 'jsdom' },
      },
      // react: end
      // vue: begin
      {
        extends: true,
        test: { name: 'vue', include: ['packages/vue/**/*.spec.ts'], environment: 'jsdom' },
      },
      // vue: end
      // examples: begin
      {
        extends: true,
        test: { name: 'examples', include: ['examples/*/src/**/*.spec.{ts,tsx}'], environment: 'node' },
      },
      // examples: end
      // e2e: begin
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      // e2e: end
    ],
  },
})
