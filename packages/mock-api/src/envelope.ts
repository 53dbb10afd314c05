import type { MockVideo } from './job-lifecycle'

/** The spec's `ErrorResponse`: `{ error: { message, type, param, code } }`. */
export interface MockErrorEnvelope {
  error: { message: string; type: string; param: string | null; code: string | null }
}

/** Why an error answer is given, so that a server profile can word and shape it as that server does. */
export type MockErrorReason =
  | 'invalid-request'
  | 'not-found'
  | 'not-ready'
  | 'unauthorized'
  | 'route-not-found'
  | 'method-not-allowed'
  | 'too-large'
  | 'fault'
  | 'internal'

/** Fields of an error answer; `type` defaults from the status, `reason` from the status class. */
export interface MockApiErrorInit {
  message: string
  type?: string
  param?: string | null
  code?: string | null
  headers?: Record<string, string>
  reason?: MockErrorReason
  /** The job the error is about (`not-ready`), as the server sees it. */
  video?: MockVideo
  /** A body to send as is instead of an envelope: a server's own shape (FastAPI's `detail`...). */
  body?: unknown
}

/**
 * An error answer raised inside request handling and turned into the spec's envelope at the edge, so
 * handlers can stop at the first problem with `throw`.
 */
export class MockApiError extends Error {
  override name = 'MockApiError'
  readonly status: number
  readonly type: string
  readonly param: string | null
  readonly code: string | null
  readonly headers: Record<string, string>
  readonly reason: MockErrorReason
  readonly video: MockVideo | undefined
  readonly body: unknown

  constructor(status: number, init: MockApiErrorInit) {
    super(init.message)
    this.status = status
    this.type = init.type ?? errorTypeFor(status)
    this.param = init.param ?? null
    this.code = init.code ?? null
    this.headers = init.headers ?? {}
    this.reason = init.reason ?? (status >= 500 ? 'internal' : 'invalid-request')
    this.video = init.video
    this.body = init.body
  }
}

/** The `type` an OpenAI-style server reports for a status. */
export function errorTypeFor(status: number): string {
  if (status === 429) return 'rate_limit_error'
  return status >= 500 ? 'server_error' : 'invalid_request_error'
}

/** A JSON answer with the given status and extra headers. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

/** The envelope answer for an error. */
export function errorResponse(error: MockApiError): Response {
  return jsonResponse(error.body ?? errorEnvelope(error), error.status, error.headers)
}

/** The spec's envelope for an error. */
export function errorEnvelope(error: MockApiError): MockErrorEnvelope {
  return { error: { message: error.message, type: error.type, param: error.param, code: error.code } }
}

/** A 400 naming the request field at fault. */
export function invalidParam(param: string, message: string): MockApiError {
  return new MockApiError(400, { message, param, code: 'invalid_value' })
}
