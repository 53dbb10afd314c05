/** The API's error envelope, as the browser's transport reads it. */
export interface ErrorBody {
  readonly message: string
  readonly type: string
  readonly param?: string | null | undefined
  readonly code?: string | null | undefined
}

/** A JSON answer with no caching: everything the relay answers is one user's. */
export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const all = new Headers(headers)
  all.set('content-type', 'application/json')
  all.set('cache-control', 'private, no-store')
  return new Response(JSON.stringify(body), { status, headers: all })
}

/** An answer in the API's error envelope: `{ error: { message, type, param, code } }`. */
export function apiError(status: number, error: ErrorBody, headers: HeadersInit = {}): Response {
  const { message, type, param = null, code = null } = error
  return json(status, { error: { message, type, param, code } }, headers)
}

/** 404 in the API's words: for unknown routes and for ids the caller does not own alike. */
export function notFound(what = 'No such route.'): Response {
  return apiError(404, { message: what, type: 'invalid_request_error', code: 'not_found' })
}

/** 400 naming the parameter at fault. */
export function badRequest(message: string, param: string | null = null): Response {
  return apiError(400, { message, type: 'invalid_request_error', param })
}

/** The `Retry-After` header (whole seconds, at least 1) for a wait in ms. */
export function retryAfter(ms: number): Record<string, string> {
  return { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) }
}
