import type { Plugin, PreviewServer, ViteDevServer } from 'vite'
import { startApiBackend, type ApiBackend, type ApiBackendOptions } from './api-backend'
import { MOCK_CONTROL_PREFIX, mockControl } from './mock-control'

/**
 * Serves the Videos API to the app under `/api/videos/v1` in `vite` (dev) and `vite preview`: the embedded
 * mock API, started in-process, or the compatible server of `baseURL` with the key added by the proxy. The
 * browser only sees a relative URL and never a key. With the mock, `/__mock/*` lets tests inject faults.
 *
 * @example
 * defineConfig({ plugins: [vue(), videosApi({ baseURL: env.VIDJOB_BASE_URL, apiKey: env.OPENAI_API_KEY })] })
 */
export function videosApi(options: ApiBackendOptions): Plugin {
  let backend: ApiBackend | undefined
  // Returns nothing on purpose: a function returned from these hooks would run as a post-middleware hook.
  const attach = (server: ViteDevServer | PreviewServer): void => {
    const running = backend
    if (!running) return
    if (running.mock) server.middlewares.use(MOCK_CONTROL_PREFIX, mockControl(running.mock.faults))
    server.httpServer?.once('close', () => void running.close())
    server.config.logger.info(`  ➜  Videos API: ${running.description}`)
  }
  return {
    name: 'vidjob-videos-api',
    async config(_, { command }) {
      if (command !== 'serve') return
      backend = await startApiBackend(options)
      return { server: { proxy: backend.proxy }, preview: { proxy: backend.proxy } }
    },
    configureServer: attach,
    configurePreviewServer: attach,
  }
}
