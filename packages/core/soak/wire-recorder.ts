import type { VideoListOptions } from '@vidjob/core'

/** A 429 answer as the client received it. */
export interface RateLimitAnswer {
  /** The mock's `x-request-id` (`req_<seq>`). */
  readonly requestId: string | null
  /** When the answer reached the client. */
  readonly at: number
  readonly retryAfterMs: number
}

/** An answer the server has produced and the test has not let through yet. */
export interface HeldAnswer {
  /** `METHOD path?query`, for messages. */
  readonly request: string
  /** Lets the answer reach the client. */
  deliver(): void
}

/** What {@link recordWire} sees between the transport and the server. */
export interface WireRecorder {
  /** The wrapped `fetch`, to give the transport. */
  readonly fetch: typeof globalThis.fetch
  readonly rateLimits: readonly RateLimitAnswer[]
  /** Ids of the videos `create` and `remix` answered with: the jobs this client created. */
  readonly created: ReadonlySet<string>
  /** Answers held back (only with `hold`), oldest first. */
  readonly held: readonly HeldAnswer[]
  /** How many page answers for this list query have reached the client. */
  listAnswers(query: Readonly<VideoListOptions>): number
}

/**
 * Wraps a `fetch` to see what the client is told: when each 429 arrives and the pause it asks for (the
 * mock's log only knows when a request was received; with latency the answer comes later, and the pause
 * starts then), which jobs creates and remixes made, and how many pages each list query received. With
 * `hold`, every answer waits (as the server produced it when the request arrived) until the test
 * delivers it, so answers can reach the client in any order.
 *
 * @example
 * const wire = recordWire(api.fetch, { now: () => Date.now(), hold: true })
 * createFetchTransport({ baseURL, fetch: wire.fetch })
 * wire.held[1]?.deliver() // the second answer overtakes the first
 */
export function recordWire(
  fetch: typeof globalThis.fetch,
  options: { now: () => number; hold?: boolean },
): WireRecorder {
  const rateLimits: RateLimitAnswer[] = []
  const created = new Set<string>()
  const held: HeldAnswer[] = []
  const pages = new Map<string, number>()
  const received = async (url: URL, init: RequestInit | undefined, response: Response): Promise<Response> => {
    if (response.status === 429) rateLimits.push(rateLimitAnswer(response, options.now()))
    if (url.pathname.endsWith('/videos') && init?.method === 'GET') {
      const key = listKey(url.searchParams.get('order'), url.searchParams.get('limit'))
      pages.set(key, (pages.get(key) ?? 0) + 1)
    }
    return response
  }
  return {
    rateLimits,
    created,
    held,
    listAnswers: (query) => pages.get(listKey(query.order ?? null, query.limit?.toString() ?? null)) ?? 0,
    fetch: async (input, init) => {
      const url = new URL(String(input))
      const response = await fetch(input, init)
      const id = init?.method === 'POST' && response.ok ? await createdId(response) : undefined
      if (id !== undefined) created.add(id)
      if (!options.hold) return received(url, init, response)
      await new Promise<void>((resolve, reject) => {
        const answer: HeldAnswer = {
          request: `${init?.method ?? 'GET'} ${url.pathname}${url.search}`,
          deliver: () => {
            held.splice(held.indexOf(answer), 1)
            resolve()
          },
        }
        held.push(answer)
        init?.signal?.addEventListener('abort', () => {
          held.splice(held.indexOf(answer), 1)
          reject(init.signal?.reason)
        })
      })
      return received(url, init, response)
    },
  }
}

function listKey(order: string | null, limit: string | null): string {
  return `${order ?? 'desc'}:${limit ?? ''}`
}

async function createdId(response: Response): Promise<string | undefined> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined)
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined
  return typeof id === 'string' ? id : undefined
}

function rateLimitAnswer(response: Response, at: number): RateLimitAnswer {
  const ms = Number(response.headers.get('retry-after-ms'))
  const seconds = Number(response.headers.get('retry-after'))
  return {
    requestId: response.headers.get('x-request-id'),
    at,
    retryAfterMs: Number.isFinite(ms) && ms > 0 ? ms : seconds * 1000,
  }
}
