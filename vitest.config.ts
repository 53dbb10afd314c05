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
      // repo: begin
      {
        extends: true,
        test: {
          name: 'repo',
          include: ['scripts/**/*.spec.ts'],
          exclude: ['scripts/consumer/**', 'scripts/docs/**'],
          environment: 'node',
        },
      },
      // repo: end
      // docs: begin
      {
        extends: true,
        test: {
          // Compiles and runs the documentation's code blocks, builds the VitePress site and serves it.
          name: 'docs',
          include: ['scripts/docs/**/*.spec.ts'],
          environment: 'node',
          sequence: { groupOrder: 1 },
        },
      },
      // docs: end
      // consumer: begin
      {
        extends: true,
        test: {
          // Installs the packed tarballs with npm outside the workspace, builds and runs them (a few minutes),
          // after every other project so it never competes with the browser e2e for the CPU.
          name: 'consumer',
          include: ['scripts/consumer/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 1 },
        },
      },
      // consumer: end
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
