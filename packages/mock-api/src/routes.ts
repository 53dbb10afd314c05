/** The six operations of the Videos API. */
export type MockEndpoint = 'list' | 'create' | 'retrieve' | 'delete' | 'remix' | 'content'

/** What a method + path resolves to. */
export type MockRoute =
  | { kind: 'endpoint'; endpoint: MockEndpoint; id?: string }
  | { kind: 'method-not-allowed'; allow: readonly string[]; id?: string }
  | { kind: 'not-found' }

type Resource = 'collection' | 'item' | 'content' | 'remix'

const METHODS: Record<Resource, Readonly<Record<string, MockEndpoint>>> = {
  collection: { GET: 'list', POST: 'create' },
  item: { GET: 'retrieve', DELETE: 'delete' },
  content: { GET: 'content' },
  remix: { POST: 'remix' },
}

/** The routes, for messages that tell a caller what exists. */
export const ROUTES_HELP =
  'GET|POST …/videos, GET|DELETE …/videos/{id}, GET …/videos/{id}/content, POST …/videos/{id}/remix'

/**
 * Resolves a request to an endpoint. Any prefix may precede `/videos` (`/v1`, `/api/openai/v1`), so the
 * mock serves whatever `baseURL` a client uses; `{id}` is one path segment, percent-decoded, so an id
 * holding an encoded `/` stays one id.
 */
export function resolveRoute(method: string, pathname: string): MockRoute {
  const match = matchResource(pathname.split('/'))
  if (!match) return { kind: 'not-found' }
  const methods = METHODS[match.resource]
  const endpoint = methods[method.toUpperCase()]
  const id = match.id === undefined ? {} : { id: match.id }
  if (endpoint) return { kind: 'endpoint', endpoint, ...id }
  return { kind: 'method-not-allowed', allow: Object.keys(methods), ...id }
}

function matchResource(segments: readonly string[]): { resource: Resource; id?: string } | undefined {
  const at = (fromEnd: number): string | undefined => segments[segments.length - fromEnd]
  const last = at(1)
  if ((last === 'content' || last === 'remix') && at(3) === 'videos') return withId(last, at(2))
  if (at(2) === 'videos') return withId('item', last)
  return last === 'videos' ? { resource: 'collection' } : undefined
}

function withId(
  resource: Resource,
  segment: string | undefined,
): { resource: Resource; id: string } | undefined {
  if (!segment) return undefined
  try {
    return { resource, id: decodeURIComponent(segment) }
  } catch {
    // Not valid percent-encoding: no id can be named by it, so the route does not exist.
    return undefined
  }
}
