import type { MockFaults } from '@vidjob/mock-api'
import type { ProxyOptions } from 'vite'
import type { DashboardApiConfig } from './dashboard-env'
import { seedDemoJobs } from './demo-jobs'

/** The path the browser app calls; the dev server forwards it to the upstream API root. */
export const API_PREFIX = '/api/videos/v1'

/** The server behind {@link API_PREFIX}. */
export interface ApiUpstream {
  /** The API root requests are forwarded to, version prefix included. */
  readonly baseURL: string
  /** One line for the console: what answers the dashboard. */
  readonly description: string
  /** The embedded mock's fault rules; undefined when forwarding to a real server. */
  readonly faults: MockFaults | undefined
  close(): Promise<void>
}

/**
 * Starts what `/api/videos/v1` forwards to: the embedded mock API on a free loopback port (the mock
 * package is only loaded in that case), or nothing for a remote server.
 *
 * @example
 * const upstream = await startUpstream(readDashboardEnv(process.env))
 * console.log(upstream.description)
 */
export async function startUpstream(config: DashboardApiConfig): Promise<ApiUpstream> {
  if (config.kind === 'remote') {
    const key = config.apiKey ? 'Authorization added server-side' : 'no API key set'
    return {
      baseURL: config.baseURL,
      description: `forwarding to ${config.baseURL} (${key})`,
      faults: undefined,
      close: async () => {},
    }
  }
  const { createMockVideoApi } = await import('@vidjob/mock-api')
  const api = createMockVideoApi(config.mock)
  if (config.seedDemoJobs) seedDemoJobs(api.jobs)
  const server = await api.listen(0, '127.0.0.1')
  return {
    baseURL: server.url,
    description: `embedded mock API at ${server.url} (fault injection: POST /__mock/faults)`,
    faults: api.faults,
    close: () => server.close(),
  }
}

/**
 * The dev/preview proxy rule: `/api/videos/v1/...` → `<baseURL>/...`, with the API key added here so it
 * never reaches the browser.
 *
 * @example
 * defineConfig({ server: { proxy: { [API_PREFIX]: proxyRule(upstream.baseURL, process.env.OPENAI_API_KEY) } } })
 */
export function proxyRule(baseURL: string, apiKey: string | undefined): ProxyOptions {
  const { origin, pathname } = new URL(baseURL)
  const basePath = pathname.replace(/\/+$/, '')
  return {
    target: origin,
    changeOrigin: true,
    rewrite: (path) => basePath + path.slice(API_PREFIX.length),
    ...(apiKey ? { headers: { authorization: `Bearer ${apiKey}` } } : {}),
  }
}
