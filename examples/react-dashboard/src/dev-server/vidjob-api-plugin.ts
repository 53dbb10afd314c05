import type { Plugin, PreviewServer, ViteDevServer } from 'vite'
import { API_PREFIX, proxyRule, startUpstream, type ApiUpstream } from './api-upstream'
import type { DashboardApiConfig } from './dashboard-env'
import { MOCK_CONTROL_PREFIX, mockControl } from './mock-control'

/**
 * Serves the Videos API to the app under `/api/videos/v1`, in `vite` (dev) and `vite preview`: the
 * embedded mock API (started in-process on a free port) or a compatible server, with the API key added by
 * the proxy. The browser only ever sees a relative URL and never a key. With the mock, `/__mock/*` lets
 * a person or an e2e run inject faults.
 *
 * @example
 * export default defineConfig({ plugins: [react(), vidjobApi(readDashboardEnv(process.env))] })
 */
export function vidjobApi(config: DashboardApiConfig): Plugin {
  let upstream: ApiUpstream | undefined
  const attach = (server: ViteDevServer | PreviewServer): void => {
    if (!upstream) return
    const running = upstream
    if (running.faults) server.middlewares.use(MOCK_CONTROL_PREFIX, mockControl(running.faults))
    server.httpServer?.once('close', () => void running.close())
    server.config.logger.info(`  ➜  Videos API: ${running.description}`)
  }
  return {
    name: 'vidjob-api',
    async config(_, { command }) {
      if (command !== 'serve') return
      upstream = await startUpstream(config)
      const apiKey = config.kind === 'remote' ? config.apiKey : undefined
      const proxy = { [API_PREFIX]: proxyRule(upstream.baseURL, apiKey) }
      return { server: { proxy }, preview: { proxy } }
    },
    configureServer: attach,
    configurePreviewServer: attach,
  }
}
