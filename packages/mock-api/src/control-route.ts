import type { MockFaultRule, MockFaults } from './faults'
import { MockApiError } from './envelope'
import { isPlainObject, readLimited } from './request-body'

/** Options of {@link createMockControl}. */
export interface MockControlOptions {
  /** Where the routes live. Default `/__mock`. */
  prefix?: string
  /** Larger bodies get 413. Default 16 KiB, far above any fault rule. */
  maxBodyBytes?: number
  /** Browser origins allowed besides loopback ones (`http://localhost:5173`...) and the server's own. */
  allowedOrigins?: readonly string[]
}

/** Where a control request was received. */
export interface MockControlContext {
  /** The origin the server listens on (`http://127.0.0.1:4010`), which may always call it. */
  origin?: string
}

/** The fault-control routes. */
export interface MockControl {
  readonly prefix: string
  /** Answers a control request; `undefined` when the path is not a control route (serve the API instead). */
  handle(request: Request, context?: MockControlContext): Promise<Response | undefined>
}

/** The default body limit: 16 KiB. */
export const DEFAULT_CONTROL_BODY_BYTES = 16 * 1024

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]'])

const KNOWN_ROUTES = ['GET /faults', 'POST /faults', 'POST /clear-faults']

/**
 * Routes that let a person or a test steer a running mock over HTTP: `GET {prefix}/faults` lists the
 * rules, `POST {prefix}/faults` with a JSON `MockFaultRule` adds one (201), `POST {prefix}/clear-faults`
 * removes them all. They change how the server answers everyone, so a web page must not reach them: a
 * request whose `Origin` is not loopback, the server's own or listed is refused (403, preflights too), a
 * `POST` must say `content-type: application/json` (415; a cross-site form or `text/plain` post cannot),
 * and bodies past `maxBodyBytes` are refused unread (413). Clients without an `Origin` (curl, tests) are
 * served.
 *
 * @example
 * const control = createMockControl(api.faults)
 * const server = await api.listen(4010, '127.0.0.1', { control: true }) // mounts the same routes
 */
export function createMockControl(faults: MockFaults, options: MockControlOptions = {}): MockControl {
  const prefix = (options.prefix ?? '/__mock').replace(/\/+$/, '')
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_CONTROL_BODY_BYTES
  const listed = new Set((options.allowedOrigins ?? []).map((origin) => new URL(origin).origin))

  const allowedOrigin = (origin: string, context: MockControlContext): boolean => {
    if (origin === context.origin || listed.has(origin)) return true
    try {
      const { hostname, protocol } = new URL(origin)
      return (protocol === 'http:' || protocol === 'https:') && isLoopback(hostname)
    } catch {
      return false
    }
  }

  return {
    prefix,
    async handle(request, context = {}) {
      const { pathname } = new URL(request.url)
      if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined
      const origin = request.headers.get('origin')
      if (origin !== null && !allowedOrigin(origin, context)) {
        return controlError(403, `Origin ${origin} may not change the mock's faults.`)
      }
      const cors: Record<string, string> = origin === null ? {} : { 'access-control-allow-origin': origin }
      const route = `${request.method.toUpperCase()} ${pathname.slice(prefix.length)}`
      if (request.method.toUpperCase() === 'OPTIONS') {
        return new Response(null, {
          status: 204,
          headers: {
            ...cors,
            vary: 'origin',
            'access-control-allow-methods': 'GET, POST',
            'access-control-allow-headers': 'content-type',
          },
        })
      }
      const answer = KNOWN_ROUTES.includes(route)
        ? await routeAnswer(route, request, faults, maxBodyBytes)
        : controlError(404, `Unknown control route ${route}; the mock serves ${KNOWN_ROUTES.join(', ')}.`)
      for (const [name, value] of Object.entries({ ...cors, vary: 'origin' })) answer.headers.set(name, value)
      return answer
    },
  }
}

async function routeAnswer(
  route: string,
  request: Request,
  faults: MockFaults,
  maxBodyBytes: number,
): Promise<Response> {
  if (route === 'GET /faults') return json(200, faults.rules)
  if (route === 'POST /clear-faults') {
    faults.clear()
    return json(200, { cleared: true })
  }
  const refused = checkJsonBody(request)
  if (refused) return refused
  const body = await readBounded(request, maxBodyBytes)
  if (body === undefined) return controlError(413, `The body is larger than ${maxBodyBytes} bytes.`)
  let rule: unknown
  try {
    rule = JSON.parse(body)
  } catch {
    return controlError(
      400,
      'The body is not valid JSON. Send a MockFaultRule such as {"fault":{"type":"drop"}}.',
    )
  }
  if (!isPlainObject(rule)) return controlError(400, 'The body must be a JSON object (a MockFaultRule).')
  try {
    // `add` checks the rule and throws a RangeError naming what is wrong.
    faults.add(rule as unknown as MockFaultRule)
  } catch (error) {
    return controlError(400, (error as Error).message)
  }
  return json(201, faults.rules)
}

function checkJsonBody(request: Request): Response | undefined {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (mediaType === 'application/json') return undefined
  return controlError(415, 'Send the rule as JSON with content-type: application/json.')
}

/** The body as text, or `undefined` as soon as it passes `maxBodyBytes` (the rest is never read). */
async function readBounded(request: Request, maxBodyBytes: number): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await readLimited(request, maxBodyBytes))
  } catch (error) {
    if (error instanceof MockApiError && error.status === 413) return undefined
    throw error
  }
}

function isLoopback(hostname: string): boolean {
  return (
    LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname)
  )
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

function controlError(status: number, message: string): Response {
  return json(status, { error: { message } })
}
