import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { json } from './http'
import type { VideoRelay } from './options'
import { assertSafePath, UnsafePathError } from './routes'

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * Behind a reverse proxy that terminates TLS: read the public origin from `X-Forwarded-Proto` and
   * `X-Forwarded-Host`, which the same-origin check compares with `Origin`. Only when the proxy sets them.
   */
  readonly trustProxy?: boolean | undefined
}

/**
 * Mounts a relay on `node:http` (or anything that hands over `IncomingMessage` / `ServerResponse`, such as
 * Express): the raw path is checked before Node's URL parser could resolve its dot-segments, bodies
 * stream in, answers stream out with back-pressure (a slow event-stream reader is dropped, not buffered),
 * and a client that leaves aborts its request.
 *
 * @example
 * createServer(toNodeHandler(relay)).listen(3000)
 * // Express: app.use('/api/videos/v1', toNodeHandler(relay)) with app.use mounted at the root path, or
 * // app.all('/api/videos/v1/*', toNodeHandler(relay))
 */
export function toNodeHandler(
  relay: VideoRelay,
  options: NodeHandlerOptions = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    serve(relay, request, response, options).catch(() => {
      if (!response.headersSent) response.writeHead(500).end()
      else response.destroy()
    })
  }
}

async function serve(
  relay: VideoRelay,
  req: IncomingMessage,
  res: ServerResponse,
  options: NodeHandlerOptions,
): Promise<void> {
  // Express strips its mount path from req.url; originalUrl keeps what the browser asked for.
  const raw = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/'
  try {
    assertSafePath(raw.split('?')[0] as string)
  } catch (error) {
    if (!(error instanceof UnsafePathError)) throw error
    return send(
      res,
      json(400, {
        error: { message: error.message, type: 'invalid_request_error', param: null, code: null },
      }),
    )
  }
  const controller = new AbortController()
  res.once('close', () => controller.abort())
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  const request = new Request(new URL(raw, originOf(req, options)), {
    method,
    headers: headersOf(req),
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    signal: controller.signal,
    // Node's fetch needs this for a streamed request body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit)
  await send(res, await relay.handle(request))
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => (headers[name] = value))
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, headers)
  if (!response.body) {
    res.end()
    return
  }
  res.flushHeaders()
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
  body.once('error', () => res.destroy())
  res.once('close', () => body.destroy())
  body.pipe(res)
}

function originOf(req: IncomingMessage, options: NodeHandlerOptions): string {
  const forwarded = (name: string): string | undefined =>
    options.trustProxy
      ? String(req.headers[name] ?? '')
          .split(',')[0]
          ?.trim() || undefined
      : undefined
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true
  const protocol = forwarded('x-forwarded-proto') ?? (encrypted ? 'https' : 'http')
  const host = forwarded('x-forwarded-host') ?? req.headers.host ?? 'localhost'
  return `${protocol}://${host}`
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  return headers
}
