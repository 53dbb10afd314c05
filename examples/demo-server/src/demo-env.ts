import type { MockVideoApiOptions } from '@vidjob/mock-api'

/**
 * Where a dashboard's `/api/videos/v1` goes, as read from the environment.
 *
 * @example const config: DemoApiConfig = { kind: 'remote', baseURL: 'http://127.0.0.1:4010/v1', apiKey: undefined }
 */
export type DemoApiConfig = (
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
) & {
  /** How the relay in front of it keeps who owns what. */
  relay: DemoRelayConfig
}

/**
 * The relay's settings in the demo.
 *
 * @example const relay: DemoRelayConfig = { storePath: '.vidjob/relay.db', adopt: false }
 */
export interface DemoRelayConfig {
  /** The SQLite file of the ownership store, or `':memory:'`. */
  storePath: string
  /** Give the first demo user the upstream's videos nobody owns (seeded jobs, jobs a test made upstream). */
  adopt: boolean
}

/**
 * The only variables the demo server reads. Neither prefix is `VITE_`, so none of them can reach a bundle.
 *
 * @example loadEnv(mode, root, DEMO_ENV_PREFIXES)
 */
export const DEMO_ENV_PREFIXES: readonly string[] = ['VIDJOB_', 'OPENAI_']

/** Unset variables fall back to a demo pace: a moment queued, 10–18 s of visible rendering, a network's delay. */
const DEMO_QUEUE_MS = 1_500
const DEMO_RENDER_MS = [10_000, 18_000] as const
const DEMO_LATENCY_MS = [30, 150] as const
const DEMO_FAIL_RATE = 0.1

/**
 * Reads the demo server's settings. `VIDJOB_BASE_URL` (+ `OPENAI_API_KEY`) puts the relay in front of a
 * compatible server; otherwise the embedded mock API runs, tuned by `VIDJOB_MOCK_QUEUE_MS`,
 * `VIDJOB_MOCK_RENDER_MS`, `VIDJOB_MOCK_FAIL_RATE` and `VIDJOB_MOCK_DEMO_JOBS` (`0` for an empty start).
 * `VIDJOB_RELAY_DB` and `VIDJOB_DEMO_ADOPT` set the relay's store (see {@link DemoRelayConfig}).
 *
 * @example
 * readDemoEnv({ VIDJOB_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_KEY: 'sk-...' })
 * // { kind: 'remote', baseURL: 'https://api.openai.com/v1', apiKey: 'sk-...' }
 */
export function readDemoEnv(env: Readonly<Record<string, string | undefined>>): DemoApiConfig {
  const baseURL = env.VIDJOB_BASE_URL?.trim()
  if (baseURL) {
    assertHttpUrl(baseURL)
    const relay = relayConfig(env, '.vidjob/relay.db', false)
    return { kind: 'remote', baseURL, apiKey: env.OPENAI_API_KEY?.trim() || undefined, relay }
  }
  const renderMs = optionalNumber(env, 'VIDJOB_MOCK_RENDER_MS')
  return {
    kind: 'mock',
    mock: {
      latencyMs: DEMO_LATENCY_MS,
      queueMs: optionalNumber(env, 'VIDJOB_MOCK_QUEUE_MS') ?? DEMO_QUEUE_MS,
      renderMs:
        renderMs ??
        ((_job, random) => DEMO_RENDER_MS[0] + random() * (DEMO_RENDER_MS[1] - DEMO_RENDER_MS[0])),
      failRate: optionalNumber(env, 'VIDJOB_MOCK_FAIL_RATE') ?? DEMO_FAIL_RATE,
      // A different run each start, so which jobs fail is not always the same.
      seed: Date.now() % 2 ** 31,
    },
    seedDemoJobs: env.VIDJOB_MOCK_DEMO_JOBS !== '0',
    // The mock starts empty each time, so the store does too; its seeded jobs go to the first user.
    relay: relayConfig(env, ':memory:', true),
  }
}

/** `VIDJOB_RELAY_DB` (the store's file, or `:memory:`) and `VIDJOB_DEMO_ADOPT` (`1` or `0`). */
function relayConfig(
  env: Readonly<Record<string, string | undefined>>,
  storePath: string,
  adopt: boolean,
): DemoRelayConfig {
  const flag = env.VIDJOB_DEMO_ADOPT?.trim()
  return { storePath: env.VIDJOB_RELAY_DB?.trim() || storePath, adopt: flag ? flag === '1' : adopt }
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
