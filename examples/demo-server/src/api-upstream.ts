import type { MockFaults } from '@vidjob/mock-api'
import type { DemoApiConfig } from './demo-env'
import { seedDemoJobs } from './demo-jobs'

/**
 * The server behind `/api/videos/v1`.
 *
 * @example const upstream: ApiUpstream = await startUpstream({ kind: 'mock', mock: {}, seedDemoJobs: true })
 */
export interface ApiUpstream {
  /** The API root requests are forwarded to, version prefix included. */
  readonly baseURL: string
  /** One line for the console: what answers the dashboard. Never holds the key. */
  readonly description: string
  /** The embedded mock's fault rules; undefined when forwarding to a real server. */
  readonly faults: MockFaults | undefined
  close(): Promise<void>
}

/**
 * Starts what `/api/videos/v1` forwards to: the embedded mock API on a free loopback port (the mock is
 * only loaded in that case), or nothing for a remote server.
 *
 * @example
 * const upstream = await startUpstream(readDemoEnv(process.env))
 * console.log(upstream.description)
 */
export async function startUpstream(config: DemoApiConfig): Promise<ApiUpstream> {
  if (config.kind === 'remote') {
    const key = config.apiKey ? 'Authorization added server-side' : 'no API key set'
    return {
      baseURL: config.baseURL,
      description: `forwarding to ${config.baseURL} (${key})`,
      faults: undefined,
      close: async () => {},
    }
  }
  // From source, as the dashboards run core and their binding: Vite's config loader bundles a relative
  // import but would resolve `@vidjob/mock-api` to a dist that a fresh clone has not built yet.
  const { createMockVideoApi } = await import('../../../packages/mock-api/src/index')
  const api = createMockVideoApi(config.mock)
  if (config.seedDemoJobs) seedDemoJobs(api.jobs)
  const server = await api.listen(0, '127.0.0.1')
  return {
    baseURL: server.url,
    description: `embedded mock API${imitating(config.mock.profile)} at ${server.url} (fault injection: POST /__mock/faults)`,
    faults: api.faults,
    close: () => server.close(),
  }
}

function imitating(profile: string | undefined): string {
  return profile === undefined || profile === 'openai' ? '' : ` imitating ${profile}`
}
