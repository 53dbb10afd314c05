import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
// A relative import on purpose: Vite bundles a config's relative imports (TypeScript included) but leaves
// package imports to Node, which cannot load @vidjob/demo-server's TypeScript sources.
import { vidjobApi } from '../demo-server/src/index'
import { workspaceAliases } from '../../scripts/workspace-aliases'

export default defineConfig({
  // vidjobApi() hosts @vidjob/server's relay at /api/videos/v1, with a demo sign-in (examples/demo-server).
  plugins: [react(), vidjobApi()],
  resolve: {
    // Inside this monorepo the app runs on the packages' sources, so no package build is needed and edits
    // to them hot-reload. An app outside the monorepo installs @vidjob/* and drops these aliases.
    alias: workspaceAliases,
    dedupe: ['react', 'react-dom'],
  },
  build: {
    rollupOptions: {
      // zod's sources carry comments Rollup cannot place; they are harmless and only bury real warnings.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/')) return
        warn(warning)
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
