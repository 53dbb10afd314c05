/** The routes the relay serves, and nothing else. */
export type Route =
  | { readonly name: 'list' | 'create' | 'events' }
  | { readonly name: 'retrieve' | 'delete' | 'remix' | 'content'; readonly id: string }
  | { readonly name: 'webhook' }
  /** A CORS preflight for one of the routes above. */
  | { readonly name: 'preflight' }

/** A path the relay refuses to read (400), whatever route it looks like. */
export class UnsafePathError extends Error {
  override name = 'UnsafePathError'
}

/** An id as the API makes them (`video_…`, `task_…`, base64 without slashes): nothing a path could misread. */
const ID = /^[A-Za-z0-9_~:=+-][A-Za-z0-9._~:=+-]{0,255}$/

/**
 * Matches a request to one route of the relay, or undefined (404). The path is checked before anything
 * else: doubled slashes, backslashes, encoded slashes or dots and dot-segments are refused with
 * {@link UnsafePathError}, so no spelling of a path reaches a route it does not name.
 */
export function matchRoute(
  method: string,
  pathname: string,
  basePath: string,
  webhookPath: string | undefined,
): Route | undefined {
  assertSafePath(pathname)
  const preflight = method === 'OPTIONS'
  if (webhookPath !== undefined && pathname === webhookPath)
    return preflight ? undefined : method === 'POST' ? { name: 'webhook' } : undefined
  if (!pathname.startsWith(`${basePath}/`)) return undefined
  const route = routeOf(method, pathname.slice(basePath.length + 1).split('/'))
  if (preflight)
    return routeOf('ANY', pathname.slice(basePath.length + 1).split('/')) && { name: 'preflight' }
  return route
}

function routeOf(method: string, segments: readonly string[]): Route | undefined {
  const any = method === 'ANY'
  const [videos, raw, action, ...rest] = segments
  if (videos !== 'videos' || rest.length > 0) return undefined
  if (raw === undefined) {
    if (any || method === 'GET') return { name: 'list' }
    return method === 'POST' ? { name: 'create' } : undefined
  }
  if (raw === 'events' && action === undefined)
    return any || method === 'GET' ? { name: 'events' } : undefined
  const id = decodeId(raw)
  if (action === undefined) {
    if (any || method === 'GET') return { name: 'retrieve', id }
    return method === 'DELETE' ? { name: 'delete', id } : undefined
  }
  if (action === 'remix') return any || method === 'POST' ? { name: 'remix', id } : undefined
  if (action === 'content') return any || method === 'GET' ? { name: 'content', id } : undefined
  return undefined
}

/** Refuses (with {@link UnsafePathError}) a path a normalizer could read as another: see {@link matchRoute}. */
export function assertSafePath(pathname: string): void {
  if (pathname.includes('//') || pathname.includes('\\'))
    throw new UnsafePathError('The path has a doubled slash or a backslash.')
  if (/%(2f|5c|2e)/i.test(pathname)) throw new UnsafePathError('The path has an encoded slash or dot.')
  if (pathname.split('/').some((segment) => segment === '.' || segment === '..'))
    throw new UnsafePathError('The path has a dot-segment.')
}

function decodeId(raw: string): string {
  let id: string
  try {
    id = decodeURIComponent(raw)
  } catch {
    throw new UnsafePathError('The id is not valid percent-encoding.')
  }
  if (!ID.test(id)) throw new UnsafePathError('The id has characters no Videos API id has.')
  return id
}
