import type { MockVideoApi, MockVideoApiOptions } from '@vidjob/mock-api'
import type { ProxyOptions } from 'vite'

/** The path the browser app calls; the dev/preview server forwards it to the API root. @example createFetchTransport({ baseURL: API_PREFIX }) */
export const API_PREFIX = '/api/videos/v1'

/** Where the dashboard's API calls go. @example const options: ApiBackendOptions = { baseURL: 'https://api.openai.com/v1', apiKey } */
export interface ApiBackendOptions {
  /** A compatible server's API root with its version prefix (`https://api.openai.com/v1`); none = the mock. */
  baseURL?: string | undefined
  /** Added as `Authorization: Bearer` by the proxy, server-side only: it never reaches the browser. */
  apiKey?: string | undefined
}

/**
 * What answers {@link API_PREFIX}: its proxy rule and, in mock mode, the mock itself (for fault injection).
 *
 * @example const backend: ApiBackend = await startApiBackend({})
 */
export interface ApiBackend {
  readonly proxy: Record<string, ProxyOptions>
  readonly mock: MockVideoApi | undefined
  /** One line for the console: what answers the dashboard. */
  readonly description: string
  close(): Promise<void>
}

/** A demo pace: a moment queued, 10–18 s of visible rendering, and now and then a failure with its reason. */
const DEMO_MOCK: MockVideoApiOptions = {
  latencyMs: [30, 150],
  queueMs: 1_500,
  renderMs: (_job, random) => 10_000 + random() * 8_000,
  failRate: 0.1,
  seed: Date.now() % 2 ** 31,
}

/**
 * Starts what the proxy forwards to: a compatible server given by `baseURL` (the key is added by the proxy),
 * or else the embedded mock API on a free loopback port, seeded with a few finished jobs. The mock package
 * is only loaded in that case.
 *
 * @example
 * const backend = await startApiBackend({ baseURL: process.env.VIDJOB_BASE_URL, apiKey: process.env.OPENAI_API_KEY })
 * defineConfig({ preview: { proxy: backend.proxy } })
 */
export async function startApiBackend(options: ApiBackendOptions = {}): Promise<ApiBackend> {
  if (options.baseURL) {
    const key = options.apiKey ? 'Authorization added server-side' : 'no API key set'
    return {
      proxy: proxyTo(options.baseURL, options.apiKey),
      mock: undefined,
      description: `${options.baseURL} (${key})`,
      close: async () => undefined,
    }
  }
  const { createMockVideoApi } = await import('@vidjob/mock-api')
  const mock = createMockVideoApi(DEMO_MOCK)
  seedDemoJobs(mock)
  const server = await mock.listen(0, '127.0.0.1')
  return {
    proxy: proxyTo(server.url, undefined),
    mock,
    description: `the embedded mock API at ${server.url} (fault injection: POST /__mock/faults)`,
    close: () => server.close(),
  }
}

function proxyTo(baseURL: string, apiKey: string | undefined): Record<string, ProxyOptions> {
  return {
    [API_PREFIX]: {
      // http-proxy keeps the target's path (`/v1`) and appends the rest of the request's.
      target: baseURL.replace(/\/+$/, ''),
      changeOrigin: true,
      rewrite: (path) => path.slice(API_PREFIX.length),
      ...(apiKey ? { headers: { authorization: `Bearer ${apiKey}` } } : {}),
    },
  }
}

/** A finished, a failed and another finished job: every kind of row, before anyone clicks. */
function seedDemoJobs(mock: MockVideoApi): void {
  const storm = mock.jobs.create({
    prompt: 'A lighthouse at dusk as a storm rolls in, cinematic',
    size: '1280x720',
  })
  mock.jobs.complete(storm.id)
  const corgi = mock.jobs.create({ prompt: 'A corgi surfing a small wave at sunrise', seconds: '4' })
  mock.jobs.fail(corgi.id, {
    code: 'moderation_blocked',
    message: 'The request was blocked by the moderation system. Rephrase the prompt and try again.',
  })
  const boats = mock.jobs.create({
    prompt: 'Paper boats racing down a rainy street gutter, macro lens',
    seconds: '4',
  })
  mock.jobs.complete(boats.id)
}
