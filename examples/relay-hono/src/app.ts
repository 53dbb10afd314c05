import type { VideoTransport } from '@vidjob/core'
import { createVideoRelay, type OwnershipStore, type RelayUser, type VideoRelay } from '@vidjob/server'
import { Hono } from 'hono'
import { verify } from 'hono/jwt'

/** What the Hono app needs: the upstream with its key, the JWT secret, and where ownership is kept. */
export interface RelayAppOptions {
  upstream: VideoTransport
  /** The HS256 secret your sign-in service signs access tokens with. */
  jwtSecret: string
  store?: OwnershipStore
  /** Origins of your browser apps on other sites (CORS), if any. */
  allowedOrigins?: string[]
}

/**
 * The relay's `authenticate` for bearer JWTs: the token's `sub` is the user, a missing, expired or forged
 * token is nobody (401).
 *
 * @example createVideoRelay({ upstream, authenticate: jwtUser('secret') })
 */
export function jwtUser(secret: string): (request: Request) => Promise<RelayUser | null> {
  return async (request) => {
    const token = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]
    if (!token) return null
    try {
      const payload = await verify(token, secret, 'HS256')
      return typeof payload.sub === 'string' ? { id: payload.sub } : null
    } catch {
      return null
    }
  }
}

/**
 * A Hono app that serves the relay at `/api/videos/v1/*` (and only there) next to the rest of your API.
 * Hono hands the relay the standard `Request`, so `relay.handle` is the whole mount.
 *
 * @example
 * const { app } = createRelayApp({ upstream, jwtSecret: process.env.JWT_SECRET! })
 * serve({ fetch: app.fetch, port: 3000 })
 */
export function createRelayApp(options: RelayAppOptions): { app: Hono; relay: VideoRelay } {
  const relay = createVideoRelay({
    upstream: options.upstream,
    authenticate: jwtUser(options.jwtSecret),
    ...(options.store ? { store: options.store } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
  })
  const app = new Hono()
  app.get('/health', (c) => c.text('ok'))
  app.all('/api/videos/v1/*', (c) => relay.handle(c.req.raw))
  return { app, relay }
}
