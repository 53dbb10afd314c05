import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadEnv, type Plugin, type PreviewServer, type UserConfig, type ViteDevServer } from 'vite'
import { startUpstream, type ApiUpstream } from './api-upstream'
import { DEMO_ENV_PREFIXES, readDemoEnv, type DemoApiConfig } from './demo-env'
import { DEMO_PREFIX, demoSignIn } from './demo-users'
import { MOCK_CONTROL_PREFIX, mockControl } from './mock-control'
import { API_PREFIX } from './api-prefix'
import type { RelayHost, startRelay } from './relay-host'

/**
 * Serves the Videos API to the app under `/api/videos/v1`, in `vite` (dev) and `vite preview`, through
 * `@vidjob/server`'s relay: in front of the embedded mock API (started in-process on a free port) or a
 * compatible server, with the API key added by the relay. The browser only ever sees a relative URL and
 * never a key; it signs in as one of a few demo users (`/__demo/sign-in`), and each sees only their own
 * videos, live over Server-Sent Events. With the mock, `/__mock/*` lets a person or a test inject faults.
 * A production build is left alone.
 *
 * Without `config`, it reads {@link readDemoEnv}'s variables from the environment and the `.env` files
 * Vite loads for the mode.
 *
 * @example
 * export default defineConfig({ plugins: [react(), vidjobApi()] })
 */
export function vidjobApi(config?: DemoApiConfig): Plugin {
  let upstream: ApiUpstream | undefined
  let host: RelayHost | undefined
  // Returns nothing on purpose: a function returned from these hooks would run as a post-middleware hook.
  const attach = (server: ViteDevServer | PreviewServer): void => {
    const running = upstream
    const relay = host
    if (!running || !relay) return
    if (running.faults) server.middlewares.use(MOCK_CONTROL_PREFIX, mockControl(running.faults))
    server.middlewares.use(API_PREFIX, relay.middleware)
    server.middlewares.use(demoSignIn())
    server.httpServer?.once('close', () => void relay.close().then(() => running.close()))
    server.config.logger.info(`  ➜  Videos API: ${running.description}, through the relay at ${API_PREFIX}`)
    server.config.logger.info(`  ➜  Sign in:    ${DEMO_PREFIX}/sign-in (one window per user)`)
  }
  return {
    name: 'vidjob-api',
    async config(userConfig, { command, mode }) {
      if (command !== 'serve') return
      const resolved = config ?? readDemoEnv(loadEnv(mode, envDirOf(userConfig), [...DEMO_ENV_PREFIXES]))
      upstream = await startUpstream(resolved)
      host = (await loadRelayHost())(resolved, upstream.baseURL)
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

/**
 * Loads the relay host from source through tsx, which reads the workspace's tsconfig paths: Vite bundles a
 * config's relative imports but leaves `@vidjob/server` and `@vidjob/core` to Node, which would need their
 * `dist`. So `vite`, `vite build` and `vite preview` work on a fresh clone with nothing built.
 */
async function loadRelayHost(): Promise<typeof startRelay> {
  const { tsImport } = await import('tsx/esm/api')
  const module = (await tsImport(new URL('./relay-host.ts', import.meta.url).href, {
    parentURL: import.meta.url,
    // The workspace's paths map @vidjob/* to their sources, whatever folder Vite runs in.
    tsconfig: fileURLToPath(new URL('../../../tsconfig.base.json', import.meta.url)),
  })) as {
    startRelay: typeof startRelay
  }
  return module.startRelay
}
