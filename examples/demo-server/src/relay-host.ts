import { createFetchTransport } from '@vidjob/core'
import {
  createMemoryStore,
  createSqliteStore,
  createVideoRelay,
  toNodeHandler,
  type VideoRelay,
} from '@vidjob/server'
import type { Connect } from 'vite'
import { adoptUpstream } from './adopt-upstream'
import { API_PREFIX } from './api-prefix'
import type { DemoApiConfig } from './demo-env'
import { DEMO_USERS, demoUserOf } from './demo-users'

/** The demo's relay, mounted on the dev or preview server. */
export interface RelayHost {
  readonly relay: VideoRelay
  /** A connect middleware for every path under {@link API_PREFIX} (the relay answers 404 to the rest). */
  readonly middleware: Connect.NextHandleFunction
  close(): Promise<void>
}

/**
 * Hosts `@vidjob/server` for the dashboards: the upstream (the embedded mock, or `VIDJOB_BASE_URL` with
 * the key added here and never sent to the browser), the demo's sign-in as `authenticate`, and the
 * ownership store of the config (SQLite on disk, or memory). With `adopt`, the first demo user is given
 * the upstream's unowned videos (see {@link adoptUpstream}).
 *
 * @example
 * const host = startRelay(config, 'http://127.0.0.1:4010/v1')
 * server.middlewares.use(API_PREFIX, host.middleware)
 */
export function startRelay(config: DemoApiConfig, baseURL: string): RelayHost {
  const upstream = createFetchTransport({
    baseURL,
    apiKey: config.kind === 'remote' ? config.apiKey : undefined,
    timeoutMs: 30_000,
  })
  const { storePath, adopt } = config.relay
  const store = storePath === ':memory:' ? createMemoryStore() : createSqliteStore({ path: storePath })
  const relay = createVideoRelay({
    upstream,
    authenticate: demoUserOf,
    store: adopt ? adoptUpstream(store, upstream, DEMO_USERS[0]!.id) : store,
    basePath: API_PREFIX,
    // The demo's users make many jobs in a minute when they try it out.
    limits: { createsPerMinute: 30, liveJobsPerUser: 20 },
  })
  const handle = toNodeHandler(relay)
  return {
    relay,
    // Connect strips the mount path from req.url; the relay reads req.originalUrl, which keeps it.
    middleware: (req, res) => handle(req, res),
    close: () => relay.close(),
  }
}
