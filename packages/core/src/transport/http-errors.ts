import { VideoApiError, VideoNetworkError } from '../errors'
import { DEFAULT_MAX_BODY_BYTES, readBodyText } from './body'
import { readErrorBody } from './error-body'
import type { HeaderReader } from './headers'
import { MAX_RETRY_AFTER_MS, readRequestId, readRetryAfter, type RetryAfter } from './headers'
import { MAX_JSON_DEPTH, parseJson } from './json'
import { redactError, redactText } from './redact'
import type { NormalizeBody, TransportOperation } from './types'

/**
 * Turns the ways an HTTP request can fail into vidjob's errors, with messages that name the request and
 * say what to check. No error carries the API key: every field built from outside is redacted.
 */

/** What an error message needs to know about the request that failed, and how to read its answer. */
export interface RequestContext {
  /** Method and path relative to `baseURL`, e.g. `GET /videos/video_123`. */
  request: string
  /** Where it was sent: an origin (never the full baseURL, which may hold credentials). */
  origin: string
  /** Values that must not appear in any error or body (the API key, credential headers). */
  secrets?: readonly string[] | undefined
  /** The most bytes of a JSON answer to read (default 16 MiB). */
  maxBodyBytes?: number | undefined
  /** The endpoint, for `normalize`. */
  operation?: TransportOperation | undefined
  /** Rewrites each 2xx JSON body before it is returned (a server no profile covers). */
  normalize?: NormalizeBody | undefined
}

/** A non-2xx answer: its status line, headers and body (parsed JSON, or the raw text, or undefined). */
export interface HttpFailure {
  status: number
  statusText?: string | undefined
  headers: HeaderReader
  body: unknown
  /** Why the body was not read or parsed, for the message (e.g. larger than maxBodyBytes). */
  unread?: string | undefined
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

/** Replaces every occurrence of each secret in `message`. */
export function redactSecret(message: string, secrets: readonly string[] | undefined): string {
  return redactText(message, secrets ?? [])
}

/**
 * A {@link VideoApiError} from a non-2xx answer: the message and fields of its error body when it is one
 * ({@link readErrorBody}: the spec's envelope or FastAPI's `detail`), else a message naming the request
 * and the status. Every field is scrubbed of the secrets.
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
  const fields = readErrorBody(failure.body)
  if (fields === undefined) {
    const statusLine = [failure.status, failure.statusText].filter(Boolean).join(' ')
    const message = `${context.request} answered ${statusLine} with ${failure.unread ?? 'no error body'}${note}`
    return redactError(new VideoApiError({ ...hints, message }), context.secrets ?? [])
  }
  const { message, code, type, param } = fields
  const error = new VideoApiError({ ...hints, message: message + note, code, type, param })
  return redactError(error, context.secrets ?? [])
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

/**
 * Reads the body of a non-2xx `Response` (at most `maxBodyBytes` of it, and JSON no deeper than
 * {@link MAX_JSON_DEPTH}) and maps it with {@link toApiError}.
 */
export async function apiErrorFromResponse(
  response: Response,
  context: RequestContext,
): Promise<VideoApiError> {
  const maxBodyBytes = context.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const read = await readBodyText(response, maxBodyBytes)
  const json = read.ok ? parseJson(read.text) : undefined
  const failure = { status: response.status, statusText: response.statusText, headers: response.headers }
  if (!read.ok) {
    const unread = `an error body larger than maxBodyBytes (${maxBodyBytes} bytes), left unread`
    return toApiError(context, { ...failure, body: undefined, unread })
  }
  if (json?.ok === false && json.tooDeep) {
    const unread = `an error body nested deeper than ${MAX_JSON_DEPTH} levels, left unparsed`
    return toApiError(context, { ...failure, body: undefined, unread })
  }
  return toApiError(context, { ...failure, body: json?.ok === true ? json.value : undefined })
}

/** The request did not complete (refused, reset, DNS, CORS, a relative baseURL outside a browser...). */
export function networkError(context: RequestContext, cause: unknown): VideoNetworkError {
  const message =
    `${context.request} to ${context.origin} failed: ${describeCause(cause)}. ` +
    'Check that baseURL points at a Videos API server and that the server is running and reachable.'
  return redactError(new VideoNetworkError(message, { cause }), context.secrets ?? [])
}

/** The request was abandoned after its time limit. `limit` says which limit and how to raise it. */
export function timeoutError(context: RequestContext, limit: string, cause: unknown): VideoNetworkError {
  const message = `${context.request} to ${context.origin} timed out ${limit}.`
  const error = new VideoNetworkError(message, { cause, timedOut: true })
  return redactError(error, context.secrets ?? [])
}

/** The error's message and, when there is one, its cause's (undici hides the reason in `cause`). */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause: unknown = error.cause
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message
}
