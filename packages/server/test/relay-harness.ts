import { createFetchTransport, type VideoTransport } from '@vidjob/core'
import { createMockVideoApi, type MockVideoApiOptions } from '@vidjob/mock-api'
import { vi } from 'vitest'
import { createVideoRelay } from '../src/relay'
import type { VideoRelayOptions } from '../src/options'
import { createMemoryStore } from '../src/store/memory-store'
import { parseSseBlock } from './sse-block'

/** 2026-01-01T00:00:00Z: every test starts from the same instant. */
export const START = Date.UTC(2026, 0, 1)
/** The relay's own origin in these tests. */
export const ORIGIN = 'http://app.local'
export const BASE = `${ORIGIN}/api/videos/v1`
/** The upstream key: it must never appear in anything the relay answers or logs. */
export const KEY = 'sk-relay-test-key-0123456789abcdef'

/**
 * A relay in front of the in-process mock API (which wants {@link KEY}), with fake timers driving the
 * relay's poller and the mock's clock alike. Users are named by an `x-user` header (a test's stand-in
 * for a session); `as(user)` builds requests for one.
 */
export function relaySetup(
  options: {
    mock?: MockVideoApiOptions
    relay?: Partial<VideoRelayOptions>
    /** Changes what the relay sees of the upstream (a transport double around the mock's). */
    wrapUpstream?: (transport: VideoTransport) => VideoTransport
  } = {},
) {
  vi.useFakeTimers({ now: START })
  const api = createMockVideoApi({ queueMs: 2_000, renderMs: 20_000, apiKey: KEY, ...options.mock })
  // The upstream answers with `Access-Control-Allow-Origin: *`, as the upstream did: the relay must
  // never pass it on.
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const answer = await api.fetch(input, init)
    const headers = new Headers(answer.headers)
    headers.set('access-control-allow-origin', '*')
    return new Response(answer.body, { status: answer.status, headers })
  }
  const upstream = createFetchTransport({
    baseURL: 'http://upstream.local/v1',
    apiKey: KEY,
    fetch,
    timeoutMs: 60_000,
  })
  const store = createMemoryStore()
  const relay = createVideoRelay({
    upstream: options.wrapUpstream?.(upstream) ?? upstream,
    store,
    authenticate: (request) => {
      const id = request.headers.get('x-user')
      return id ? { id } : null
    },
    ...options.relay,
  })
  const as = (user: string | undefined) => {
    const send = (method: string, path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers)
      if (user) headers.set('x-user', user)
      return relay.handle(new Request(`${BASE}${path}`, { ...init, method, headers }))
    }
    return {
      get: (path: string, init?: RequestInit) => send('GET', path, init),
      delete: (path: string, init?: RequestInit) => send('DELETE', path, init),
      post: (path: string, body: unknown, init: RequestInit = {}) =>
        send('POST', path, {
          ...init,
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json', ...Object.fromEntries(new Headers(init.headers)) },
        }),
      create: async (prompt = 'A paper boat in the rain') => {
        const response = await send('POST', '/videos', {
          body: JSON.stringify({ prompt }),
          headers: { 'content-type': 'application/json' },
        })
        return (await response.json()) as { id: string; status: string }
      },
    }
  }
  return {
    api,
    relay,
    store,
    as,
    advance: (ms: number) => vi.advanceTimersByTimeAsync(ms),
    upstreamCalls: (endpoint?: 'retrieve' | 'list' | 'create' | 'delete' | 'remix' | 'content') =>
      api.count(endpoint ? { endpoint } : {}),
    async close() {
      await relay.close()
      vi.useRealTimers()
    },
  }
}

/** Reads Server-Sent Events from a response body as they come: `next()` resolves with the next one. */
export function readEvents(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  /** Everything received, comments included. */
  let raw = ''
  const parsed: { event: string; data: string; id: string | undefined }[] = []
  const pump = async (): Promise<boolean> => {
    const { done, value } = await reader.read()
    if (done) return false
    const chunk = decoder.decode(value, { stream: true })
    text += chunk
    raw += chunk
    let end: number
    while ((end = text.indexOf('\n\n')) !== -1) {
      const event = parseSseBlock(text.slice(0, end))
      text = text.slice(end + 2)
      if (event) parsed.push(event)
    }
    return true
  }
  return {
    parsed,
    raw: () => raw,
    /** Reads what has arrived so far (one chunk). */
    pump,
    /** Reads until `count` events have arrived (or the stream ends). */
    async until(count: number) {
      while (parsed.length < count) if (!(await pump())) break
      return parsed
    },
    /** Reads until an event satisfies `test` (or the stream ends); resolves with it. */
    async find(test: (event: { event: string; data: string; id: string | undefined }) => boolean) {
      for (;;) {
        const found = parsed.find(test)
        if (found || !(await pump())) return found
      }
    },
    cancel: () => reader.cancel(),
  }
}
