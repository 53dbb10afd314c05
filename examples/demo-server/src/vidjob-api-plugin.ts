import { resolve } from 'node:path'
import { loadEnv, type Plugin, type PreviewServer, type UserConfig, type ViteDevServer } from 'vite'
import { startUpstream, type ApiUpstream } from './api-upstream'
import { DEMO_ENV_PREFIXES, readDemoEnv, type DemoApiConfig } from './demo-env'
import { MOCK_CONTROL_PREFIX, mockControl } from './mock-control'
import { API_PREFIX, proxyRule } from './proxy-rule'

/**
 * Serves the Videos API to the app under `/api/videos/v1`, in `vite` (dev) and `vite preview`: the
 * embedded mock API (started in-process on a free port) or a compatible server, with the API key added by
 * the proxy. The browser only ever sees a relative URL and never a key. With the mock, `/__mock/*` lets
 * a person or a test inject faults. A production build is left alone.
 *
 * Without `config`, it reads {@link readDemoEnv}'s variables from the environment and the `.env` files
 * Vite loads for the mode.
 *
 * @example
 * export default defineConfig({ plugins: [react(), vidjobApi()] })
 */
export function vidjobApi(config?: DemoApiConfig): Plugin {
  let upstream: ApiUpstream | undefined
  // Returns nothing on purpose: a function returned from these hooks would run as a post-middleware hook.
  const attach = (server: ViteDevServer | PreviewServer): void => {
    const running = upstream
    if (!running) return
    if (running.faults) server.middlewares.use(MOCK_CONTROL_PREFIX, mockControl(running.faults))
    server.httpServer?.once('close', () => void running.close())
    server.config.logger.info(`  ➜  Videos API: ${running.description}`)
  }
  return {
    name: 'vidjob-api',
    async config(userConfig, { command, mode }) {
      if (command !== 'serve') return
      const resolved = config ?? readDemoEnv(loadEnv(mode, envDirOf(userConfig), [...DEMO_ENV_PREFIXES]))
      upstream = await startUpstream(resolved)
      const apiKey = resolved.kind === 'remote' ? resolved.apiKey : undefined
      const proxy = { [API_PREFIX]: proxyRule(upstream.baseURL, apiKey) }
      return { server: { proxy }, preview: { proxy } }
    },
    configureServer: attach,
    configurePreviewServer: attach,
  }
}

/** Where Vite itself looks for `.env` files: `envDir` (relative to the root), else the root. */
function envDirOf(userConfig: UserConfig): string | false {
  const root = resolve(userConfig.root ?? '')
  if (userConfig.envDir === false) return false
  return userConfig.envDir ? resolve(root, userConfig.envDir) : root
}
