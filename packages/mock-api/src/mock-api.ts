import { abortableDelay } from './abortable-delay'
import { isManualClock } from './clock'
import { createMockControl, type MockControlOptions } from './control-route'
import { errorResponse, MockApiError } from './envelope'
import { ConnectionDroppedError, faultError, faultResponse, isReplacingFault } from './fault-responses'
import { createFaults, type MockFaults } from './faults'
import { endpointHandlers } from './handlers'
import { createJobStore, type MockJobs } from './job-store'
import { resolveMockOptions, type MockVideoApiOptions } from './mock-options'
import { supports, type MockProfileCapabilities } from './profiles/profile'
import { listenNodeServer, type MockServer } from './node-server'
import { createRandom, deriveSeed } from './random'
import { createRequestLog, type MockRequestFilter, type MockRequestLogEntry } from './request-log'
import { resolveRoute, ROUTES_HELP, type MockEndpoint, type MockRoute } from './routes'

/** An in-process OpenAI-compatible Videos API with a controllable clock and fault injection. */
export interface MockVideoApi {
  /** A drop-in for `globalThis.fetch`; any origin works (`'http://mock.local/v1/videos'`), a bare path resolves against `http://mock.local`. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>
  /** Answers one web-standard request. */
  handle(request: Request): Promise<Response>
  /**
   * Serves the API over node:http with CORS (default port 0 = a free one, host 127.0.0.1); `url` includes
   * `/v1`. `{ control: true }` (or control options) also mounts the fault-control routes at `/__mock`.
   */
  listen(port?: number, host?: string, options?: MockListenOptions): Promise<MockServer>
  /** Moves a manual clock forward; throws if the clock is not manual. */
  advance(ms: number): void
  /** The mock's current time, in ms. */
  now(): number
  readonly jobs: MockJobs
  readonly faults: MockFaults
  /** What the imitated server supports and how it talks (`profile` option; `'openai'` by default). */
  readonly profile: MockProfileCapabilities
  /** Every request received, oldest first (cleared by `resetLog()`). */
  readonly log: readonly MockRequestLogEntry[]
  /** How many logged requests match the filter. */
  count(filter?: MockRequestFilter): number
  resetLog(): void
}

/** Options of {@link MockVideoApi.listen}. */
export interface MockListenOptions {
  /** Mount the fault-control routes (see `createMockControl`). Default off. */
  control?: boolean | MockControlOptions
}

/** Relative URLs given to `fetch` resolve against this origin, as a page on it would. */
const DEFAULT_ORIGIN = 'http://mock.local'

/**
 * Creates a mock Videos API: the six endpoints with the spec's shapes, statuses and error envelope, jobs
 * that move `queued → in_progress → completed | failed` with the clock, and injectable faults.
 *
 * @example
 * const api = createMockVideoApi({ clock: 'manual', renderMs: 10_000 })
 * const transport = createFetchTransport({ baseURL: 'http://mock.local/v1', fetch: api.fetch })
 * api.advance(12_000) // every job created so far is now completed
 */
export function createMockVideoApi(options: MockVideoApiOptions = {}): MockVideoApi {
  const config = resolveMockOptions(options)
  const { clock, profile } = config
  const jobs = createJobStore({ ...config, defaults: profile.defaults })
  const faults = createFaults(createRandom(deriveSeed(config.seed, 'faults')))
  const log = createRequestLog()

  /**
   * Reads (list, retrieve, content, unknown routes) are answered from the state when the request arrives
   * and then wait out the latency, so a slow read can land after newer data. Writes (create, delete,
   * remix) wait first and act after, so a write aborted during its latency did nothing. Without latency
   * or delaying faults both happen in the same tick.
   */
  async function answer(
    request: Request,
    url: URL,
    route: MockRoute,
    entry: MockRequestLogEntry,
  ): Promise<Response> {
    const write = isWrite(route)
    let hold = config.nextLatencyMs()
    if (write) {
      await abortableDelay(hold, request.signal)
      hold = 0
    } else {
      request.signal.throwIfAborted()
    }
    const refusal =
      profile.admit?.(url) ??
      (config.apiKey === undefined ? undefined : profile.authenticate(request.headers, config.apiKey))
    if (refusal) return later(hold, request, () => render(refusal, entry))
    const fault = faults.pick(entry)
    if (fault) entry.fault = fault.type
    if (fault?.type === 'latency' && write) await abortableDelay(fault.ms, request.signal)
    else if (fault?.type === 'latency' || fault?.type === 'reorder') hold += fault.ms
    const lagMs = fault?.type === 'lag' && !write ? fault.ms : 0
    const exchange = { request, url, route, entry, lagMs }
    if (!isReplacingFault(fault)) {
      const response = await respond(exchange)
      return later(hold, request, () => response)
    }
    if (fault.after === 'work') {
      entry.afterWork = true
      await (await respond(exchange)).body?.cancel()
    }
    const error = faultError(fault)
    return later(hold, request, () => (error ? render(error, entry) : faultResponse(fault, entry.endpoint)))
  }

  /** An error answer in the words and shape of the profile's server. */
  function render(error: MockApiError, entry: MockRequestLogEntry): Response {
    const { endpoint, method, path } = entry
    return errorResponse(profile.renderError?.(error, { endpoint, method, path }) ?? error)
  }

  async function respond({ request, url, route, entry, lagMs }: Exchange): Promise<Response> {
    try {
      if (route.kind === 'not-found') throw routeNotFound(request.method, url.pathname)
      if (route.kind === 'method-not-allowed')
        throw methodNotAllowed(request.method, url.pathname, route.allow)
      const { endpoint } = route
      if (!supports(profile.capabilities, endpoint)) {
        throw (
          profile.unsupported?.(endpoint, entry.method, url.pathname) ??
          routeNotFound(request.method, url.pathname)
        )
      }
      const { maxBodyBytes, pollAfterMs } = config
      return await endpointHandlers[endpoint]({
        request,
        url,
        id: entry.id ?? '',
        wireId: route.id ?? '',
        jobs,
        profile,
        now: clock.now() - lagMs,
        maxBodyBytes,
        pollAfterMs,
      })
    } catch (error) {
      return render(error instanceof MockApiError ? error : internalError(error), entry)
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const route = resolveRoute(request.method, url.pathname)
    const wireId = 'id' in route ? route.id : undefined
    const id = wireId === undefined ? undefined : (profile.resolveId?.(wireId) ?? wireId)
    const entry = log.record({
      method: request.method.toUpperCase(),
      endpoint: route.kind === 'endpoint' ? route.endpoint : 'unknown',
      path: url.pathname,
      ...(id === undefined ? {} : { id }),
      ...(wireId === undefined || wireId === id ? {} : { wireId }),
      query: Object.fromEntries(url.searchParams),
      receivedAt: clock.now(),
    })
    try {
      const response = await answer(request, url, route, entry)
      const headers = { ...profile.answerHeaders?.(entry.seq), 'x-request-id': `req_${entry.seq}` }
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
      entry.status = response.status
      return response
    } catch (error) {
      entry.status = error instanceof ConnectionDroppedError ? 'dropped' : 'aborted'
      throw error
    }
  }

  return {
    fetch: async (input, init) =>
      handle(new Request(typeof input === 'string' ? new URL(input, DEFAULT_ORIGIN) : input, init)),
    handle,
    listen: (port, host, options = {}) => {
      const { control } = options
      if (!control) return listenNodeServer(handle, port, host)
      const controlOptions = control === true ? {} : control
      return listenNodeServer(handle, port, host, { control: createMockControl(faults, controlOptions) })
    },
    advance(ms) {
      if (!isManualClock(clock)) {
        throw new Error(
          "api.advance(ms) needs a manual clock: create the mock with createMockVideoApi({ clock: 'manual' }) or pass clock: createManualClock(). With the default clock, move time with vi.advanceTimersByTime() or vi.setSystemTime().",
        )
      }
      clock.advance(ms)
    },
    now: () => clock.now(),
    jobs,
    faults,
    profile: Object.freeze({ ...profile.capabilities }),
    get log() {
      return log.entries
    },
    count: (filter) => log.count(filter),
    resetLog: () => log.reset(),
  }
}

interface Exchange {
  request: Request
  url: URL
  route: MockRoute
  entry: MockRequestLogEntry
  /** A lagging replica's read: how far behind the data it answers is. */
  lagMs: number
}

const WRITES: ReadonlySet<MockEndpoint> = new Set(['create', 'delete', 'remix'])

function isWrite(route: MockRoute): boolean {
  return route.kind === 'endpoint' && WRITES.has(route.endpoint)
}

/** Waits `ms` (rejecting if the request aborts meanwhile), then builds the answer. */
async function later(ms: number, request: Request, answer: () => Response): Promise<Response> {
  await abortableDelay(ms, request.signal)
  return answer()
}

function routeNotFound(method: string, path: string): MockApiError {
  return new MockApiError(404, {
    message: `Unknown route ${method} ${path}. The mock Videos API serves ${ROUTES_HELP} (after any prefix such as /v1).`,
    code: 'not_found',
    reason: 'route-not-found',
  })
}

function methodNotAllowed(method: string, path: string, allow: readonly string[]): MockApiError {
  return new MockApiError(405, {
    message: `Method ${method} is not allowed on ${path}; use ${allow.join(' or ')}.`,
    code: 'method_not_allowed',
    reason: 'method-not-allowed',
    headers: { allow: allow.join(', ') },
  })
}

function internalError(error: unknown): MockApiError {
  const reason = error instanceof Error ? error.message : String(error)
  return new MockApiError(500, {
    message: `The mock API failed while answering: ${reason}`,
    code: 'server_error',
  })
}
