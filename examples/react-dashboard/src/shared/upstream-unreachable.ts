import type { ServerResponse } from 'node:http'
import type { Plugin, ProxyOptions } from 'vite'

/**
 * The dev/preview proxy's answer when the Videos API cannot be reached. Vite's own proxy answers a bare
 * `500` with no body, which the app can only show as "answered 500 Internal Server Error with no error
 * body"; this answers `502 Bad Gateway` with the API's error envelope and a message a person can act on.
 * It runs in Vite's Node process and is never bundled into the app.
 *
 * List it after `vidjobApi()`, whose proxy rules it completes.
 *
 * @example defineConfig({ plugins: [react(), vidjobApi(), upstreamUnreachable()] })
 */
export function upstreamUnreachable(): Plugin {
  return {
    name: 'vidjob-upstream-unreachable',
    config(config) {
      const rules = new Set<ProxyOptions>()
      for (const proxy of [config.server?.proxy, config.preview?.proxy])
        for (const rule of Object.values(proxy ?? {})) if (typeof rule === 'object') rules.add(rule)
      rules.forEach(answerUnreachable)
    },
  }
}

/**
 * Makes one proxy rule answer 502 with `{ error: { message, type: 'upstream_unreachable' } }` when its
 * target does not answer (refused, reset, unknown host...). Registered before Vite's own error handler,
 * which then finds the answer already sent.
 *
 * @example answerUnreachable(proxyRule('http://127.0.0.1:4010/v1', undefined))
 */
export function answerUnreachable(rule: ProxyOptions): void {
  const configure = rule.configure
  const origin = new URL(String(rule.target)).origin
  rule.configure = (proxy, options) => {
    configure?.(proxy, options)
    proxy.on('error', (error: NodeJS.ErrnoException, _request, response) => {
      // A WebSocket upgrade gets a bare socket, not a response; nothing to answer there.
      if (!('writeHead' in response) || response.headersSent) return
      sendJson(response, 502, {
        error: {
          message: `The server cannot reach the Videos API at ${origin} (${error.code ?? error.message}). Check that it is running and that VIDJOB_BASE_URL points to it.`,
          type: 'upstream_unreachable',
          param: null,
          code: error.code ?? null,
        },
      })
    })
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}
