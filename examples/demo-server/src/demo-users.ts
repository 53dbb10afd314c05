import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RelayUser } from '@vidjob/server'
import type { Connect } from 'vite'

/** The people of the demo: open two windows as two of them to see that each sees only their own videos. */
export const DEMO_USERS: readonly { readonly id: string; readonly name: string }[] = [
  { id: 'ann', name: 'Ann' },
  { id: 'bob', name: 'Bob' },
  { id: 'chloe', name: 'Chloe' },
]

/**
 * Where the demo's sign-in lives: `GET /__demo/sign-in` lists the users, `?user=<id>` signs in as one
 * (a cookie) and goes back to the app, `/__demo/sign-out` forgets it.
 *
 * @example page.goto('http://127.0.0.1:4173/__demo/sign-in?user=bob')
 */
export const DEMO_PREFIX = '/__demo'

const COOKIE = 'vidjob_demo_user'

/**
 * The relay's `authenticate` for the demo: the user named by the sign-in cookie, or null (401). A real app
 * reads its own session here (docs/server.md).
 *
 * @example createVideoRelay({ upstream, authenticate: demoUserOf })
 */
export function demoUserOf(request: Request): RelayUser | null {
  const cookie = request.headers.get('cookie') ?? ''
  const id = /(?:^|;\s*)vidjob_demo_user=([a-z]+)/.exec(cookie)?.[1]
  return DEMO_USERS.some((user) => user.id === id) ? { id: id as string } : null
}

/**
 * The sign-in pages (mount at {@link DEMO_PREFIX}), and a redirect to them for a visit to the app without
 * a user, so the first screen asks who you are.
 *
 * @example server.middlewares.use(demoSignIn())
 */
export function demoSignIn(): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://demo.local')
    if (url.pathname === `${DEMO_PREFIX}/sign-in`) return signIn(url, res)
    if (url.pathname === `${DEMO_PREFIX}/sign-out`)
      return redirect(res, `${DEMO_PREFIX}/sign-in`, `${COOKIE}=; Path=/; Max-Age=0`)
    if (req.method === 'GET' && url.pathname === '/' && !signedIn(req))
      return redirect(res, `${DEMO_PREFIX}/sign-in`)
    next()
  }
}

function signIn(url: URL, res: ServerResponse): void {
  const user = DEMO_USERS.find((candidate) => candidate.id === url.searchParams.get('user'))
  if (user) return redirect(res, '/', `${COOKIE}=${user.id}; Path=/; HttpOnly; SameSite=Lax`)
  const links = DEMO_USERS.map((u) => `<li><a href="?user=${u.id}">${u.name}</a></li>`).join('')
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign in — vidjob demo</title>` +
        `<body style="font-family:system-ui;margin:3rem"><h1>Who are you?</h1>` +
        `<p>Each person sees only their own videos. Open another window as someone else to compare.</p>` +
        `<ul>${links}</ul></body></html>`,
    )
}

function signedIn(req: IncomingMessage): boolean {
  return (
    demoUserOf(new Request('http://demo.local/', { headers: { cookie: req.headers.cookie ?? '' } })) !== null
  )
}

function redirect(res: ServerResponse, location: string, cookie?: string): void {
  res.writeHead(302, { location, ...(cookie ? { 'set-cookie': cookie } : {}) }).end()
}
