import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { MockControl } from './control-route'
import { errorResponse, MockApiError } from './envelope'
import { ConnectionDroppedError } from './fault-responses'

/** A running node:http server. */
export interface MockServer {
  /** The base URL including `/v1`, e.g. `http://127.0.0.1:4010/v1`. */
  url: string
  /** Stops listening and closes every open connection; calling it again does nothing. */
  close(): Promise<void>
}

/** Lets a local web app on another origin call the mock and read the headers vidjob uses. */
const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-request-id, retry-after, retry-after-ms, openai-poll-after-ms',
}

const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
}

/**
 * Serves `handle` over node:http: each `IncomingMessage` becomes a web `Request` (body streamed,
 * aborted if the client goes away), each `Response` is streamed back with CORS headers, `OPTIONS`
 * preflights get 204, and a dropped-connection fault destroys the socket.
 */
export async function listenNodeServer(
  handle: (request: Request) => Promise<Response>,
  port = 0,
  host = '127.0.0.1',
  options: { control?: MockControl } = {},
): Promise<MockServer> {
  const { control } = options
  /** The server's own origin, known once it listens; the control routes always admit it. */
  const own: { origin?: string } = {}
  const server = createServer((req, res) => {
    if (control && isControlPath(req, control.prefix)) {
      void serveControl(control, own.origin, req, res)
      return
    }
    void serve(handle, req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port: actualPort } = server.address() as AddressInfo
  const hostname = host.includes(':') ? `[${host}]` : host
  own.origin = `http://${hostname}:${actualPort}`
  return { url: `${own.origin}/v1`, close: () => closeServer(server) }
}

function isControlPath(req: IncomingMessage, prefix: string): boolean {
  const pathname = (req.url ?? '/').split('?')[0] ?? '/'
  return pathname === prefix || pathname.startsWith(`${prefix}/`)
}

/** The control routes answer for themselves, CORS included: none of the API's `*`. */
async function serveControl(
  control: MockControl,
  origin: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const controller = new AbortController()
  res.once('close', () => controller.abort())
  const response = await control
    .handle(toRequest(req, controller.signal), origin === undefined ? {} : { origin })
    .catch(crashResponse)
  await send(response ?? crashResponse('no control route'), res, {}).catch(() => res.destroy())
}

async function serve(
  handle: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method === 'OPTIONS') {
    const requested = req.headers['access-control-request-headers']
    // Echo what the browser asks for, so SDKs that add their own headers still pass the preflight.
    const allowHeaders = requested ? { 'access-control-allow-headers': requested } : {}
    res.writeHead(204, { ...CORS_HEADERS, ...PREFLIGHT_HEADERS, ...allowHeaders }).end()
    return
  }
  const controller = new AbortController()
  res.once('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  let response: Response
  try {
    response = await handle(toRequest(req, controller.signal))
  } catch (error) {
    if (error instanceof ConnectionDroppedError) req.socket.destroy()
    if (error instanceof ConnectionDroppedError || controller.signal.aborted) return
    response = crashResponse(error)
  }
  // A client that leaves mid-body breaks the pipe; there is no one left to answer.
  await send(response, res, CORS_HEADERS).catch(() => res.destroy())
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, item)
  }
  const method = req.method ?? 'GET'
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers, signal })
  // `duplex: 'half'` is what lets a streamed body be sent; DOM typings do not know it yet.
  const init = { method, headers, signal, body: Readable.toWeb(req) as ReadableStream, duplex: 'half' }
  return new Request(url, init as RequestInit)
}

async function send(
  response: Response,
  res: ServerResponse,
  cors: Readonly<Record<string, string>>,
): Promise<void> {
  const headers: Record<string, string> = { ...cors }
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  res.writeHead(response.status, headers)
  if (!response.body) {
    res.end()
    return
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res)
}

function crashResponse(error: unknown): Response {
  const reason = error instanceof Error ? error.message : String(error)
  return errorResponse(
    new MockApiError(500, { message: `The mock API server failed: ${reason}`, code: 'server_error' }),
  )
}

async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    server.closeAllConnections()
  })
}
