import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
// A relative import on purpose: Vite bundles a config's relative imports (TypeScript included) but leaves
// package imports to Node, which cannot load @vidjob/demo-server's TypeScript sources.
import { vidjobApi } from '../demo-server/src/index'
import { workspaceAliases } from '../../scripts/workspace-aliases'

export default defineConfig({
  // vidjobApi() hosts @vidjob/server's relay at /api/videos/v1, with a demo sign-in (examples/demo-server).
  plugins: [vue(), vidjobApi()],
  resolve: {
    // Inside this monorepo the app is built from the packages' sources: no package build is needed and
    // edits to core or the Vue binding hot-reload. An app outside it installs @vidjob/* and drops these.
    alias: workspaceAliases,
    dedupe: ['vue', 'rxjs'],
  },
  server: { host: '127.0.0.1', port: 5174 },
  preview: { host: '127.0.0.1', port: 4174 },
  build: {
    target: 'es2022',
    rollupOptions: {
      // zod's sources carry comments Rollup cannot place; they are harmless and only bury real warnings.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/')) return
        warn(warning)
      },
    },
  },
})
