import type { CreateVideoParams } from '../schema/params'
import { VideoClientError, abortError } from '../errors'
import { assertApiKeyAllowed } from './browser-guard'
import type { RequestContext } from './http-errors'
import { apiErrorFromResponse, describeOrigin, networkError, timeoutError } from './http-errors'
import { VIDEOS_PATH, videoPath, withQuery } from './paths'
import { readTransportResult } from './read-result'
import { startDeadline } from './request-deadline'
import type { VideoTransport } from './types'

/** Options of {@link createFetchTransport}. */
export interface FetchTransportOptions {
  /**
   * The API root including any version prefix, as in the openai SDK: `https://api.openai.com/v1`,
   * `http://localhost:4010/v1`, or `/api/openai/v1` for a same-origin proxy. Trailing slashes are ignored;
   * the transport appends `/videos...`.
   */
  baseURL: string
  /**
   * Sent as `Authorization: Bearer <apiKey>`, only to `baseURL` (a redirect to another origin drops it,
   * as the Fetch standard requires). Refused in a browser unless `dangerouslyAllowBrowser` is set.
   */
  apiKey?: string | undefined
  /** The `fetch` to use (defaults to the global one, looked up at each request). */
  fetch?: typeof fetch | undefined
  /** Extra headers for every request (e.g. `OpenAI-Organization`, a proxy's auth); they override defaults. */
  headers?: Record<string, string> | undefined
  /**
   * Abandon a request after this many milliseconds with a `VideoNetworkError` (`timedOut: true`): until the
   * JSON body is read, or, for `downloadContent`, until the response headers arrive (the bytes are yours).
   */
  timeoutMs?: number | undefined
  /** Allow `apiKey` in a browser page, where every visitor can read it. Prefer a server-side proxy. */
  dangerouslyAllowBrowser?: boolean | undefined
}

type Method = 'GET' | 'POST' | 'DELETE'

/** One request, relative to `baseURL`. */
interface Outgoing {
  method: Method
  path: string
  body?: string | FormData
  /** The endpoint answers JSON (every one but `downloadContent`). */
  json: boolean
}

type Send = <T>(
  outgoing: Outgoing,
  signal: AbortSignal | undefined,
  read: (response: Response, context: RequestContext) => Promise<T> | T,
) => Promise<T>

/**
 * A {@link VideoTransport} over `fetch`, for the OpenAI Videos API or any server of the same shape.
 *
 * Ids are refused when empty, `.` or `..` and otherwise encoded with `encodeURIComponent`, so no id can
 * reach another path. `create` is multipart when `input_reference` is a File/Blob and JSON otherwise.
 * Non-2xx answers reject with `VideoApiError`, failed connections and timeouts with `VideoNetworkError`,
 * non-JSON bodies with `VideoValidationError`, and an aborted `signal` with the platform's `AbortError`.
 * Every URL is built from `baseURL`, so `Authorization` only goes there; if that server redirects to
 * another origin, `fetch` drops the header on the way (Fetch standard, in browsers and Node's undici).
 *
 * @example
 * // On a server:
 * const transport = createFetchTransport({ baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY })
 * // In a browser, through your own proxy that adds the key:
 * const transport = createFetchTransport({ baseURL: '/api/openai/v1' })
 */
export function createFetchTransport(options: FetchTransportOptions): VideoTransport {
  const apiKey = options.apiKey === '' ? undefined : options.apiKey
  assertApiKeyAllowed({ apiKey, dangerouslyAllowBrowser: options.dangerouslyAllowBrowser })
  const send = createSend(options, apiKey)
  const json = (outgoing: Omit<Outgoing, 'json'>, signal: AbortSignal | undefined) =>
    send({ ...outgoing, json: true }, signal, readTransportResult)
  return {
    async retrieve(id, requestOptions) {
      return json({ method: 'GET', path: videoPath(id) }, requestOptions?.signal)
    },
    async list(query, requestOptions) {
      const path = withQuery(VIDEOS_PATH, { after: query.after, limit: query.limit, order: query.order })
      return json({ method: 'GET', path }, requestOptions?.signal)
    },
    async create(params, requestOptions) {
      return json({ method: 'POST', path: VIDEOS_PATH, body: createBody(params) }, requestOptions?.signal)
    },
    async remix(id, params, requestOptions) {
      const body = JSON.stringify({ prompt: params.prompt })
      return json({ method: 'POST', path: videoPath(id, 'remix'), body }, requestOptions?.signal)
    },
    async delete(id, requestOptions) {
      return json({ method: 'DELETE', path: videoPath(id) }, requestOptions?.signal)
    },
    async downloadContent(id, query, requestOptions) {
      const path = withQuery(videoPath(id, 'content'), { variant: query?.variant })
      return send({ method: 'GET', path, json: false }, requestOptions?.signal, (response) => response)
    },
  }
}

/** Multipart when there is a file to upload (the only way to send one), JSON otherwise. */
function createBody(params: CreateVideoParams): string | FormData {
  if (!(params.input_reference instanceof Blob)) return JSON.stringify(params)
  const form = new FormData()
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || value instanceof Blob) form.append(name, value)
  }
  return form
}

function createSend(options: FetchTransportOptions, apiKey: string | undefined): Send {
  const root = checkedBaseURL(options.baseURL).replace(/\/+$/, '')
  const origin = describeOrigin(options.baseURL)
  const timeoutMs = checkedTimeout(options.timeoutMs)
  const fixedHeaders = createFixedHeaders(apiKey, options.headers)
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))

  return async (outgoing, signal, read) => {
    const context: RequestContext = { request: `${outgoing.method} ${outgoing.path}`, origin, secret: apiKey }
    if (signal?.aborted) throw abortError(signal)
    const deadline = startDeadline(signal, timeoutMs)
    try {
      const response = await deadline.race(
        fetchImpl(root + outgoing.path, {
          method: outgoing.method,
          headers: requestHeaders(outgoing, fixedHeaders),
          body: outgoing.body ?? null,
          signal: deadline.signal ?? null,
        }),
      )
      if (!response.ok) throw await deadline.race(apiErrorFromResponse(response, context))
      return await deadline.race(Promise.resolve(read(response, context)))
    } catch (error) {
      // The caller's abort wins, then errors already mapped, then the timeout.
      if (signal?.aborted) throw abortError(signal)
      if (error instanceof VideoClientError) throw error
      if (!deadline.timedOut) throw networkError(context, error)
      throw timeoutError(context, `after ${timeoutMs} ms (raise timeoutMs if the server is just slow)`, error)
    } finally {
      deadline.clear()
    }
  }
}

function requestHeaders(outgoing: Outgoing, fixedHeaders: Headers): Headers {
  const headers = new Headers(outgoing.json ? { accept: 'application/json' } : undefined)
  fixedHeaders.forEach((value, name) => headers.set(name, value))
  // FormData sets its own multipart content-type, with the boundary.
  if (typeof outgoing.body === 'string') headers.set('content-type', 'application/json')
  return headers
}

/** Built once, so a value `fetch` would reject fails at setup, with a message that does not echo the key. */
function createFixedHeaders(apiKey: string | undefined, extra: Record<string, string> | undefined): Headers {
  try {
    const headers = new Headers()
    if (apiKey !== undefined) headers.set('authorization', `Bearer ${apiKey}`)
    for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value)
    return headers
  } catch {
    // The platform's message quotes the offending value, which may be the key: do not pass it on.
    throw new VideoClientError(
      'createFetchTransport: apiKey or headers hold a value that cannot be sent as an HTTP header ' +
        '(a line break or control character, often from an env file). Check how they are loaded.',
    )
  }
}

function checkedBaseURL(baseURL: unknown): string {
  if (typeof baseURL === 'string' && baseURL !== '') return baseURL
  throw new VideoClientError(
    "createFetchTransport needs a baseURL including any version prefix, e.g. 'https://api.openai.com/v1', " +
      "'http://localhost:4010/v1' or '/api/openai/v1' for a same-origin proxy.",
  )
}

function checkedTimeout(timeoutMs: number | undefined): number | undefined {
  if (timeoutMs === undefined || (Number.isFinite(timeoutMs) && timeoutMs > 0)) return timeoutMs
  throw new VideoClientError(
    `createFetchTransport: timeoutMs must be a positive number of milliseconds (got ${String(timeoutMs)}); ` +
      'omit it to wait as long as the server takes.',
  )
}
