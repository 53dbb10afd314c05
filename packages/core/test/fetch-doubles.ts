/** Fixtures and test doubles for `fetch`, shared by the transport specs. */

/** A queued video as the wire carries it. @example recordingFetch(() => jsonResponse(videoFixture)) */
export const videoFixture = {
  id: 'video_123',
  object: 'video',
  status: 'queued',
  progress: 0,
  created_at: 1712697600,
} as const

/** One list page holding {@link videoFixture}. @example recordingFetch(() => jsonResponse(listFixture)) */
export const listFixture = {
  object: 'list',
  data: [videoFixture],
  first_id: 'video_123',
  last_id: 'video_123',
  has_more: false,
} as const

/** One request a {@link recordingFetch} received. @example calls[0]?.headers.get('authorization') */
export interface RecordedCall {
  url: string
  method: string
  headers: Headers
  body: RequestInit['body']
  signal: AbortSignal | null | undefined
}

/** How a {@link recordingFetch} answers one request. @example const answer: Answer = () => new Response('{}') */
export type Answer = (call: RecordedCall) => Response | Promise<Response>

/**
 * A JSON `Response`.
 *
 * @example jsonResponse({ error: { message: 'nope' } }, { status: 404 })
 */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = { 'content-type': 'application/json', ...init.headers }
  return new Response(JSON.stringify(body), { ...init, headers })
}

/**
 * Never answers, but honours the signal like a real `fetch`: rejects with its reason when it aborts.
 *
 * @example const { fetch } = recordingFetch(hang)
 */
export const hang: Answer = (call) =>
  new Promise((_, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason)))

/**
 * A `fetch` that records every request and answers with `answer`.
 *
 * @example
 * const { fetch, calls } = recordingFetch(() => jsonResponse(video))
 * await transport.retrieve('v'); calls[0]?.url
 */
export function recordingFetch(answer: Answer): { fetch: typeof globalThis.fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = []
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: RecordedCall = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body,
      signal: init.signal,
    }
    calls.push(call)
    return answer(call)
  }
  return { fetch, calls }
}

/**
 * The error a promise rejects with; fails the test when it resolves.
 *
 * @example expect(await rejection(transport.retrieve('..'))).toBeInstanceOf(VideoValidationError)
 */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a rejection')
}
