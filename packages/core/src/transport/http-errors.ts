import { ApiErrorBodySchema } from '../schema'
import { VideoApiError, VideoNetworkError } from '../errors'
import type { HeaderReader } from './headers'
import { readRequestId, readRetryAfterMs } from './headers'
import { parseJson } from './read-result'

/**
 * Turns the ways an HTTP request can fail into vidjob's errors, with messages that name the request and
 * say what to check. Messages never carry the API key: anything echoed from outside is redacted.
 */

/**
 * What an error message needs to know about the request that failed.
 *
 * @example const context: RequestContext = { request: 'GET /videos/v1', origin: 'https://api.openai.com', secret: apiKey }
 */
export interface RequestContext {
  /** Method and path relative to `baseURL`, e.g. `GET /videos/video_123`. */
  request: string
  /** Where it was sent: an origin (never the full baseURL, which may hold credentials). */
  origin: string
  /** A value that must not appear in any message (the API key). */
  secret?: string | undefined
}

/**
 * A non-2xx answer: its status line, headers and body (parsed JSON, or the raw text, or undefined).
 *
 * @example const failure: HttpFailure = { status: 404, headers: response.headers, body: await response.json() }
 */
export interface HttpFailure {
  status: number
  statusText?: string | undefined
  headers: HeaderReader
  body: unknown
}

/**
 * Names where a `baseURL` points, for messages: its origin, or the path itself when it is relative
 * (a same-origin proxy such as `/api/openai/v1`). Credentials in the URL are left out.
 *
 * @example
 * describeOrigin('https://user:pw@api.example.com/v1') // 'https://api.example.com'
 * describeOrigin('/api/openai/v1') // '/api/openai/v1 (relative to the page)'
 */
export function describeOrigin(baseURL: string): string {
  try {
    return new URL(baseURL).origin
  } catch {
    return `${baseURL} (relative to the page)`
  }
}

/**
 * Replaces every occurrence of `secret` in `message`.
 *
 * @example redactSecret('bad key sk-123', 'sk-123') // 'bad key [redacted]'
 */
export function redactSecret(message: string, secret: string | undefined): string {
  return secret === undefined || secret === '' ? message : message.split(secret).join('[redacted]')
}

/**
 * A {@link VideoApiError} from a non-2xx answer: the `{ error: {...} }` envelope when the body is one
 * (checked with `ApiErrorBodySchema`), else a message naming the request and the status.
 *
 * @example
 * toApiError({ request: 'GET /videos/x', origin: 'https://api.openai.com' }, { status: 502, headers, body: undefined })
 * // VideoApiError: GET /videos/x answered 502 with no error body
 */
export function toApiError(context: RequestContext, failure: HttpFailure): VideoApiError {
  const hints = {
    status: failure.status,
    requestId: readRequestId(failure.headers),
    retryAfterMs: readRetryAfterMs(failure.headers),
  }
  const envelope = ApiErrorBodySchema.safeParse(failure.body)
  if (!envelope.success || envelope.data.error.message === '') {
    const statusLine = [failure.status, failure.statusText].filter(Boolean).join(' ')
    return new VideoApiError({
      ...hints,
      message: redactSecret(`${context.request} answered ${statusLine} with no error body`, context.secret),
    })
  }
  const { message, code, type, param } = envelope.data.error
  return new VideoApiError({ ...hints, message: redactSecret(message, context.secret), code, type, param })
}

/**
 * Reads the body of a non-2xx `Response` and maps it with {@link toApiError}.
 *
 * @example if (!response.ok) throw await apiErrorFromResponse(response, context)
 */
export async function apiErrorFromResponse(
  response: Response,
  context: RequestContext,
): Promise<VideoApiError> {
  const text = await response.text()
  const json = parseJson(text)
  return toApiError(context, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    body: json.ok ? json.value : undefined,
  })
}

/**
 * The request did not complete (refused, reset, DNS, CORS, a relative baseURL outside a browser...).
 *
 * @example catch (e) { throw networkError(context, e) }
 */
export function networkError(context: RequestContext, cause: unknown): VideoNetworkError {
  const message =
    `${context.request} to ${context.origin} failed: ${describeCause(cause)}. ` +
    'Check that baseURL points at a Videos API server and that the server is running and reachable.'
  return new VideoNetworkError(redactSecret(message, context.secret), { cause })
}

/**
 * The request was abandoned after its time limit. `limit` says which limit and how to raise it.
 *
 * @example timeoutError(context, 'after 30000 ms (raise timeoutMs if the server is just slow)', e)
 */
export function timeoutError(context: RequestContext, limit: string, cause: unknown): VideoNetworkError {
  const message = `${context.request} to ${context.origin} timed out ${limit}.`
  return new VideoNetworkError(redactSecret(message, context.secret), { cause, timedOut: true })
}

/** The error's message and, when there is one, its cause's (undici hides the reason in `cause`). */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause: unknown = error.cause
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message
}
