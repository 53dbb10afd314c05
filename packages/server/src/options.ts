import type { PollingOptions, VideoTransport } from '@vidjob/core'
import type { OwnershipStore } from './store/ownership-store'

/** Who is calling: the relay scopes every route to `id`. */
export interface RelayUser {
  /** A stable id of the user (a session's user id, a JWT's `sub`). Videos belong to it. */
  readonly id: string
}

/** Per-user limits; each one answers 429 (with `Retry-After`) or 400 when passed. */
export interface RelayLimits {
  /** Jobs of one user queued or rendering at once, counted in the store (so across instances sharing one). Default 10. */
  readonly liveJobsPerUser?: number | undefined
  /** Creates and remixes of one user in any 60 s. Default 10. */
  readonly createsPerMinute?: number | undefined
  /** The longest prompt accepted, in characters. Default 32,000. */
  readonly maxPromptChars?: number | undefined
  /** The largest request body accepted (a create with an image), in bytes. Default 25 MiB. */
  readonly maxBodyBytes?: number | undefined
}

/** Standard Webhooks from the Videos API (`video.completed`, `video.failed`). */
export interface RelayWebhookOptions {
  /** The endpoint's signing secret, `whsec_…`. */
  readonly secret: string
  /** Where the relay takes them. Default `${basePath}/webhooks`. */
  readonly path?: string | undefined
}

/** Server-Sent Events settings of `GET /videos/events`. */
export interface RelayEventsOptions {
  /** A comment line keeps idle connections (and the proxies between) open. Default every 15 s. */
  readonly heartbeatMs?: number | undefined
  /** Events kept for `Last-Event-ID` resumes; an id older than these gets `event: reset`. Default 1,000. */
  readonly bufferSize?: number | undefined
  /** Bytes queued for one connection before it is dropped as too slow. Default 256 KiB. */
  readonly maxQueuedBytes?: number | undefined
  /** How long a browser waits before reconnecting (the `retry:` field). Default 2 s. */
  readonly retryMs?: number | undefined
}

/** Options of {@link createVideoRelay}. */
export interface VideoRelayOptions {
  /** How the relay reaches the Videos API: `createFetchTransport({ baseURL, apiKey })`, `fromOpenAI(openai)`... */
  readonly upstream: VideoTransport
  /**
   * Who is calling, or null (401). Required: the relay never serves anonymous callers. Read your session
   * cookie or verify a bearer JWT here (docs/server.md).
   */
  authenticate(request: Request): Promise<RelayUser | null> | RelayUser | null
  /**
   * Who owns which video. Default: `createSqliteStore({ path: '.vidjob/relay.db' })`; `createRedisStore({ url })`
   * for several instances.
   */
  readonly store?: OwnershipStore | undefined
  /** Where the relay serves the Videos API. Default `/api/videos/v1`. */
  readonly basePath?: string | undefined
  /**
   * Origins of other sites allowed to call (CORS, with credentials). Default none: same origin only. The
   * upstream's CORS headers are never passed on.
   */
  readonly allowedOrigins?: readonly string[] | undefined
  readonly limits?: RelayLimits | undefined
  readonly webhook?: RelayWebhookOptions | undefined
  /** How the relay's one client polls live jobs (adaptive by default, like the browser's). */
  readonly polling?: PollingOptions | undefined
  readonly events?: RelayEventsOptions | undefined
  /**
   * Names the upstream in 502 / 504 messages ("cannot reach the Videos API at `<origin>`"). Default: the
   * origin named by the transport's error.
   */
  readonly upstreamOrigin?: string | undefined
  /**
   * Told of failures the relay answered with a 5xx (a store that failed, a bug). Errors from the Videos
   * API arrive with the key already redacted. The relay logs nothing itself.
   */
  onError?(error: unknown): void
}

/**
 * A running relay: a Web-standard handler (Node through {@link toNodeHandler}, Hono, Next.js route
 * handlers, Deno, Bun) and its shutdown.
 */
export interface VideoRelay {
  /** Answers one request under `basePath` (and the webhook path); anything else is 404, never forwarded. */
  handle(request: Request): Promise<Response>
  /** Ends every event stream, stops polling and closes the store. */
  close(): Promise<void>
  /** Resolves once the store is open and the live jobs it holds are polled again. */
  readonly ready: Promise<void>
}
