import type { MockVideoApiOptions } from '@vidjob/mock-api'

/** Where the dashboard's `/api/videos/v1` goes, as read from the environment. */
export type DashboardApiConfig =
  | {
      kind: 'remote'
      /** A compatible server's API root with its version prefix, e.g. `https://api.openai.com/v1`. */
      baseURL: string
      /** Added as `Authorization: Bearer ...` by the dev server; never sent to the browser. */
      apiKey: string | undefined
    }
  | {
      kind: 'mock'
      mock: MockVideoApiOptions
      /** Seed a few finished jobs so the first screen shows every kind of row. */
      seedDemoJobs: boolean
    }

/** Unset variables fall back to a demo pace: a few seconds queued, 10–18 s of visible rendering. */
const DEMO_QUEUE_MS = 1_500
const DEMO_RENDER_MS = [10_000, 18_000] as const
const DEMO_FAIL_RATE = 0.1

/**
 * Reads the dashboard's server-side settings. `VIDJOB_BASE_URL` (+ `OPENAI_API_KEY`) forwards to a
 * compatible server; otherwise the embedded mock API runs, tuned by `VIDJOB_MOCK_QUEUE_MS`,
 * `VIDJOB_MOCK_RENDER_MS`, `VIDJOB_MOCK_FAIL_RATE` and `VIDJOB_MOCK_DEMO_JOBS` (`0` for an empty start).
 *
 * @example
 * readDashboardEnv({ VIDJOB_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_KEY: 'sk-...' })
 * // { kind: 'remote', baseURL: 'https://api.openai.com/v1', apiKey: 'sk-...' }
 */
export function readDashboardEnv(env: Readonly<Record<string, string | undefined>>): DashboardApiConfig {
  const baseURL = env.VIDJOB_BASE_URL?.trim()
  if (baseURL) {
    assertHttpUrl(baseURL)
    return { kind: 'remote', baseURL, apiKey: env.OPENAI_API_KEY?.trim() || undefined }
  }
  const renderMs = optionalNumber(env, 'VIDJOB_MOCK_RENDER_MS')
  return {
    kind: 'mock',
    mock: {
      queueMs: optionalNumber(env, 'VIDJOB_MOCK_QUEUE_MS') ?? DEMO_QUEUE_MS,
      renderMs:
        renderMs ??
        ((_job, random) => DEMO_RENDER_MS[0] + random() * (DEMO_RENDER_MS[1] - DEMO_RENDER_MS[0])),
      failRate: optionalNumber(env, 'VIDJOB_MOCK_FAIL_RATE') ?? DEMO_FAIL_RATE,
      seed: Date.now() % 2 ** 31,
    },
    seedDemoJobs: env.VIDJOB_MOCK_DEMO_JOBS !== '0',
  }
}

function optionalNumber(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const text = env[name]?.trim()
  if (!text) return undefined
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0, got '${text}'.`)
  return value
}

function assertHttpUrl(baseURL: string): void {
  let url: URL
  try {
    url = new URL(baseURL)
  } catch {
    throw new Error(
      `VIDJOB_BASE_URL must be an absolute URL such as https://api.openai.com/v1, got '${baseURL}'.`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`VIDJOB_BASE_URL must use http or https, got '${baseURL}'.`)
}
