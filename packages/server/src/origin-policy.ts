import { apiError } from './http'

/** Headers a cross-origin app may send (the preflight's answer). */
const ALLOWED_HEADERS = 'content-type, authorization, last-event-id, range, x-requested-with'
/** Headers a cross-origin app may read. */
const EXPOSED_HEADERS = 'retry-after, content-range, accept-ranges, content-length, x-request-id'
/** Content types a cross-site form can send without a preflight (the "simple" ones). */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']

/** The browser rules of the relay: who may call, and which requests may change anything. */
export class OriginPolicy {
  readonly #allowed: ReadonlySet<string>

  constructor(allowedOrigins: readonly string[]) {
    this.#allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin))
  }

  /**
   * A refusal (403) for a request a page of another site sent, or undefined to go on. Other origins are
   * refused unless allowed; a state-changing request with no `Origin` must be one a cross-site form cannot
   * send (a JSON body or a custom header), so a form post on another site cannot create or delete.
   */
  refuse(request: Request, self: string): Response | undefined {
    const origin = request.headers.get('origin')
    if (origin !== null && origin !== self && !this.#allowed.has(origin))
      return forbidden(`Requests from ${origin} are not allowed; list it in allowedOrigins to serve it.`)
    if (origin === null && request.headers.get('sec-fetch-site') === 'cross-site')
      return forbidden('Requests from other sites are not allowed.')
    if (request.method === 'POST' && origin === null && isSimple(request))
      return forbidden(
        'A POST without an Origin must send a JSON body or an X-Requested-With header (a form on another site could send this one).',
      )
    return undefined
  }

  /** The CORS headers of an answer to an allowed other origin; none for same-origin callers. */
  corsHeaders(request: Request, self: string): Record<string, string> {
    const origin = request.headers.get('origin')
    if (origin === null || origin === self || !this.#allowed.has(origin)) return {}
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': EXPOSED_HEADERS,
      vary: 'Origin',
    }
  }

  /** The answer to a preflight of an allowed origin (a refused one never gets here). */
  preflight(request: Request, self: string): Response {
    const headers = new Headers(this.corsHeaders(request, self))
    if (headers.has('access-control-allow-origin')) {
      headers.set('access-control-allow-methods', 'GET, POST, DELETE')
      headers.set('access-control-allow-headers', ALLOWED_HEADERS)
      headers.set('access-control-max-age', '600')
    }
    return new Response(null, { status: 204, headers })
  }
}

function isSimple(request: Request): boolean {
  if (request.headers.has('x-requested-with')) return false
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  return type === '' || SIMPLE_TYPES.includes(type)
}

function forbidden(message: string): Response {
  return apiError(403, { message, type: 'invalid_request_error', code: 'origin_not_allowed' })
}
