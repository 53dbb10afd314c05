/** The spec's `ErrorResponse`: `{ error: { message, type, param, code } }`. */
export interface MockErrorEnvelope {
  error: { message: string; type: string; param: string | null; code: string | null }
}

/** Fields of an error answer; `type` defaults from the status. */
export interface MockApiErrorInit {
  message: string
  type?: string
  param?: string | null
  code?: string | null
  headers?: Record<string, string>
}

/**
 * An error answer raised inside request handling and turned into the spec's envelope at the edge, so
 * handlers can stop at the first problem with `throw`.
 *
 * @example
 * throw new MockApiError(400, { message: 'prompt is required.', param: 'prompt' })
 */
export class MockApiError extends Error {
  override name = 'MockApiError'
  readonly status: number
  readonly type: string
  readonly param: string | null
  readonly code: string | null
  readonly headers: Record<string, string>

  constructor(status: number, init: MockApiErrorInit) {
    super(init.message)
    this.status = status
    this.type = init.type ?? errorTypeFor(status)
    this.param = init.param ?? null
    this.code = init.code ?? null
    this.headers = init.headers ?? {}
  }
}

/**
 * The `type` an OpenAI-style server reports for a status.
 *
 * @example
 * errorTypeFor(503) // 'server_error'
 */
export function errorTypeFor(status: number): string {
  if (status === 429) return 'rate_limit_error'
  return status >= 500 ? 'server_error' : 'invalid_request_error'
}

/**
 * A JSON answer with the given status and extra headers.
 *
 * @example
 * jsonResponse({ id, object: 'video.deleted', deleted: true })
 */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

/**
 * The envelope answer for an error.
 *
 * @example
 * errorResponse(new MockApiError(404, { message: 'No video with id video_x.', code: 'video_not_found' }))
 */
export function errorResponse(error: MockApiError): Response {
  const envelope: MockErrorEnvelope = {
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  }
  return jsonResponse(envelope, error.status, error.headers)
}

/**
 * A 400 naming the request field at fault.
 *
 * @example
 * throw invalidParam('limit', 'limit must be an integer from 0 to 100.')
 */
export function invalidParam(param: string, message: string): MockApiError {
  return new MockApiError(400, { message, param, code: 'invalid_value' })
}
