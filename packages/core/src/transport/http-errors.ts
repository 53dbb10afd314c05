import { ApiErrorBodySchema } from '../schema/video'
import { VideoApiError, VideoNetworkError } from '../errors'
import type { HeaderReader } from './headers'
import { MAX_RETRY_AFTER_MS, readRequestId, readRetryAfter, type RetryAfter } from './headers'
import { parseJson } from './json'

/**
 * Turns the ways an HTTP request can fail into vidjob's errors, with messages that name the request and
 * say what to check. Messages never carry the API key: anything echoed from outside is redacted.
 */

/** What an error message needs to know about the request that failed. */
export interface RequestContext {
  /** Method and path relative to `baseURL`, e.g. `GET /videos/video_123`. */
  request: string
  /** Where it was sent: an origin (never the full baseURL, which may hold credentials). */
  origin: string
  /** A value that must not appear in any message (the API key). */
  secret?: string | undefined
}

/** A non-2xx answer: its status line, headers and body (parsed JSON, or the raw text, or undefined). */
export interface HttpFailure {
  status: number
  statusText?: string | undefined
  headers: HeaderReader
  body: unknown
}

/**
 * Names where a `baseURL` points, for messages: its origin, or the path itself when it is relative
 * (a same-origin proxy such as `/api/openai/v1`). Credentials in the URL are left out.
 */
export function describeOrigin(baseURL: string): string {
  try {
    return new URL(baseURL).origin
  } catch {
    return `${baseURL} (relative to the page)`
  }
}

/** Replaces every occurrence of `secret` in `message`. */
export function redactSecret(message: string, secret: string | undefined): string {
  return secret === undefined || secret === '' ? message : message.split(secret).join('[redacted]')
}

/**
 * A {@link VideoApiError} from a non-2xx answer: the `{ error: {...} }` envelope when the body is one
 * (checked with `ApiErrorBodySchema`), else a message naming the request and the status.
 */
export function toApiError(context: RequestContext, failure: HttpFailure): VideoApiError {
  const retryAfter = readRetryAfter(failure.headers)
  const hints = {
    status: failure.status,
    requestId: readRequestId(failure.headers),
    retryAfterMs: retryAfter?.ms,
    requestedRetryAfterMs: retryAfter?.requestedMs,
  }
  const note = retryNote(retryAfter)
  const envelope = ApiErrorBodySchema.safeParse(failure.body)
  if (!envelope.success || envelope.data.error.message === '') {
    const statusLine = [failure.status, failure.statusText].filter(Boolean).join(' ')
    const message = `${context.request} answered ${statusLine} with no error body${note}`
    return new VideoApiError({ ...hints, message: redactSecret(message, context.secret) })
  }
  const { message, code, type, param } = envelope.data.error
  return new VideoApiError({
    ...hints,
    message: redactSecret(message + note, context.secret),
    code,
    type,
    param,
  })
}

/** Says so when the server asked for a longer wait than vidjob takes. */
function retryNote(retryAfter: RetryAfter | undefined): string {
  const requested = retryAfter?.requestedMs
  if (requested === undefined) return ''
  const asked = Number.isFinite(requested) ? `${Math.ceil(requested / 1000)} s` : 'an unbounded time'
  return (
    ` (the server asked to wait ${asked} before retrying; vidjob waits at most ` +
    `${MAX_RETRY_AFTER_MS / 1000} s)`
  )
}

/** Reads the body of a non-2xx `Response` and maps it with {@link toApiError}. */
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

/** The request did not complete (refused, reset, DNS, CORS, a relative baseURL outside a browser...). */
export function networkError(context: RequestContext, cause: unknown): VideoNetworkError {
  const message =
    `${context.request} to ${context.origin} failed: ${describeCause(cause)}. ` +
    'Check that baseURL points at a Videos API server and that the server is running and reachable.'
  return new VideoNetworkError(redactSecret(message, context.secret), { cause })
}

/** The request was abandoned after its time limit. `limit` says which limit and how to raise it. */
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
