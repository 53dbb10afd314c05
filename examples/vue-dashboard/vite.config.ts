import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { defineConfig, loadEnv } from 'vite'
import { videosApi } from './src/dev-server/videos-api-plugin'

const root = fileURLToPath(new URL('.', import.meta.url))
const source = (pkg: string): string =>
  fileURLToPath(new URL(`../../packages/${pkg}/src/index.ts`, import.meta.url))

export default defineConfig(({ mode }) => {
  // Server-side only: neither variable has the VITE_ prefix, so neither can reach the bundle.
  const env = loadEnv(mode, root, ['VIDJOB_', 'OPENAI_'])
  return {
    plugins: [vue(), videosApi({ baseURL: env.VIDJOB_BASE_URL?.trim(), apiKey: env.OPENAI_API_KEY?.trim() })],
    resolve: {
      // Inside this monorepo the app is built from the packages' sources: no package build is needed and
      // edits to core or the Vue binding hot-reload. An app outside it installs @vidjob/* and drops these.
      alias: { '@vidjob/core': source('core'), '@vidjob/vue': source('vue') },
      dedupe: ['vue', 'rxjs'],
    },
    server: { host: '127.0.0.1', port: 5174 },
    preview: { host: '127.0.0.1', port: 4174 },
    build: { target: 'es2022' },
  }
})
