import { createManualEnvironment, createVideoClient } from '@vidjob/core'
import { EventHub } from './events/event-hub'
import type { SseStream } from './events/sse-stream'
import { type RelayContext } from './handlers/context'
import { videoContent } from './handlers/content'
import { startHeartbeat, videoEvents } from './handlers/events'
import { createVideo, deleteVideo, listVideos, remixVideo, retrieveVideo } from './handlers/videos'
import { receiveWebhook, webhookVerifier } from './handlers/webhooks'
import { apiError, badRequest, notFound } from './http'
import { UserLimits } from './limits'
import { LiveJobs } from './live-jobs'
import type { RelayUser, VideoRelay, VideoRelayOptions } from './options'
import { OriginPolicy } from './origin-policy'
import { matchRoute, UnsafePathError, type Route } from './routes'
import { createSqliteStore } from './store/sqlite-store'
import { upstreamFailure } from './upstream-errors'

const DEFAULT_BASE_PATH = '/api/videos/v1'
const DEFAULT_STORE_PATH = '.vidjob/relay.db'

/**
 * Creates the relay between browsers and a Videos API: it keeps the key on the server, serves exactly the
 * API's routes under `basePath` (404 for anything else, before any upstream call), scopes every route to
 * the user `authenticate` returns (another user's video is 404), streams each user's jobs as Server-Sent
 * Events from one upstream poll per job, and takes Standard Webhooks.
 *
 * @example
 * import { createServer } from 'node:http'
 * import { createFetchTransport } from '@vidjob/core'
 * import { createVideoRelay, toNodeHandler } from '@vidjob/server'
 *
 * const relay = createVideoRelay({
 *   upstream: createFetchTransport({ baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY }),
 *   authenticate: (request) => sessions.userOf(request), // { id } or null
 * })
 * createServer(toNodeHandler(relay)).listen(3000)
 */
export function createVideoRelay(options: VideoRelayOptions): VideoRelay {
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH)
  const webhookPath = options.webhook ? (options.webhook.path ?? `${basePath}/webhooks`) : undefined
  const verifier = options.webhook && webhookVerifier(options.webhook.secret)
  const policy = new OriginPolicy(options.allowedOrigins ?? [])
  const onError = (error: unknown): void => options.onError?.(error)
  const store = options.store ?? createSqliteStore({ path: DEFAULT_STORE_PATH })
  const client = createVideoClient({
    transport: options.upstream,
    polling: options.polling,
    // A server is always "visible and online": polling never pauses for a tab.
    environment: createManualEnvironment(),
  })
  const events = options.events ?? {}
  const log = store.fleet?.events ?? new EventHub(events.bufferSize ?? 1_000)
  const live = new LiveJobs({ client, store, log, onError })
  const context: RelayContext = {
    client,
    upstream: options.upstream,
    store,
    live,
    log,
    limits: new UserLimits(options.limits, store.fleet),
    events: {
      heartbeatMs: events.heartbeatMs ?? 15_000,
      maxQueuedBytes: events.maxQueuedBytes ?? 256 * 1024,
      retryMs: events.retryMs ?? 2_000,
    },
    fail: (error) => upstreamFailure(error, options.upstreamOrigin, onError),
  }
  const streams = new Set<SseStream>()
  const stopHeartbeat = startHeartbeat(streams, context.events.heartbeatMs)
  const ready = live.resume()
  ready.catch(onError)
  let resuming = ready
  /**
   * Resolves once the store's live jobs are watched again. A resume that failed (a shared store that was
   * down when the relay started) is tried again by the next request, so the relay recovers with its store.
   */
  const resumed = (): Promise<void> => {
    const attempt = resuming
    return attempt.catch(() => {
      if (resuming === attempt) resuming = live.resume()
      return resuming
    })
  }
  let closed = false

  const route = async (request: Request, url: URL, user: RelayUser, matched: Route): Promise<Response> => {
    switch (matched.name) {
      case 'list':
        return listVideos(context, user, url)
      case 'create':
        return createVideo(context, user, request)
      case 'events':
        return videoEvents(context, user, request, url, streams)
      case 'retrieve':
        return retrieveVideo(context, user, matched.id)
      case 'delete':
        return deleteVideo(context, user, matched.id)
      case 'remix':
        return remixVideo(context, user, matched.id, request)
      case 'content':
        return videoContent(context, user, matched.id, request, url)
      default:
        return notFound()
    }
  }

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    let matched: Route | undefined
    try {
      matched = matchRoute(request.method, url.pathname, basePath, webhookPath)
    } catch (error) {
      if (error instanceof UnsafePathError) return badRequest(error.message)
      throw error
    }
    if (!matched) return notFound()
    if (closed) return apiError(503, { message: 'The relay is shutting down.', type: 'server_error' })
    if (matched.name === 'webhook' && verifier) {
      try {
        await resumed()
        return await receiveWebhook(context, verifier, request)
      } catch (error) {
        // A store that is down answers 503, so the sender delivers the webhook again later.
        return context.fail(error)
      }
    }
    const refused = policy.refuse(request, url.origin)
    if (refused) return refused
    if (matched.name === 'preflight') return policy.preflight(request, url.origin)
    const response = await authenticated(request, url, matched)
    const cors = policy.corsHeaders(request, url.origin)
    for (const [name, value] of Object.entries(cors)) response.headers.set(name, value)
    return response
  }

  const authenticated = async (request: Request, url: URL, matched: Route): Promise<Response> => {
    try {
      const user = await options.authenticate(request)
      if (!user)
        return apiError(401, {
          message: 'Sign in first.',
          type: 'invalid_request_error',
          code: 'unauthenticated',
        })
      await resumed()
      return await route(request, url, user, matched)
    } catch (error) {
      return context.fail(error)
    }
  }

  return {
    ready,
    handle,
    async close() {
      if (closed) return
      closed = true
      stopHeartbeat()
      streams.forEach((stream) => stream.close())
      live.close()
      client.dispose()
      await resuming.catch(() => undefined)
      await store.close()
    },
  }
}

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '')
  if (!trimmed.startsWith('/') || trimmed.includes('//') || trimmed.split('/').includes('..'))
    throw new TypeError(`basePath must be an absolute path such as '/api/videos/v1', got '${basePath}'.`)
  return trimmed
}
