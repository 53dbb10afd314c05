import { createFetchTransport } from '@vidjob/core'
import { createSqliteStore, createVideoRelay, type VideoRelay } from '@vidjob/server'
import { sessionUser } from './session'

/** The route's methods: each is the relay's handler. */
export interface RelayRoute {
  GET(request: Request): Promise<Response>
  POST(request: Request): Promise<Response>
  DELETE(request: Request): Promise<Response>
  OPTIONS(request: Request): Promise<Response>
}

// Kept on globalThis: Next.js re-evaluates route modules on hot reload, and a relay must stay one per
// process (one poller, one store handle).
const holder = globalThis as { vidjobRelay?: VideoRelay }

/**
 * The relay of this app, made on first use from the environment: `VIDJOB_BASE_URL`, `OPENAI_API_KEY`
 * (server-side only: never a `NEXT_PUBLIC_` variable), `SESSION_SECRET` and `VIDJOB_RELAY_DB`.
 *
 * @example const relay = appRelay()
 */
export function appRelay(): VideoRelay {
  holder.vidjobRelay ??= createVideoRelay({
    upstream: createFetchTransport({
      baseURL: process.env.VIDJOB_BASE_URL ?? 'https://api.openai.com/v1',
      apiKey: process.env.OPENAI_API_KEY,
      timeoutMs: 30_000,
    }),
    authenticate: sessionUser(requiredEnv('SESSION_SECRET')),
    store: createSqliteStore({ path: process.env.VIDJOB_RELAY_DB ?? '.vidjob/relay.db' }),
  })
  return holder.vidjobRelay
}

/**
 * The methods of `app/api/videos/v1/[...path]/route.ts`: every one hands the standard `Request` to the
 * relay, which serves only the Videos API's routes and 404s the rest.
 *
 * @example export const { GET, POST, DELETE, OPTIONS } = relayRoute()
 */
export function relayRoute(relay: () => VideoRelay = appRelay): RelayRoute {
  const handle = (request: Request): Promise<Response> => relay().handle(request)
  return { GET: handle, POST: handle, DELETE: handle, OPTIONS: handle }
}

function requiredEnv(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set; the relay needs it to verify sessions.`)
  return value
}
