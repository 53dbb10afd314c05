import { createMockVideoApi } from '@vidjob/mock-api'
import { describe, expect, it } from 'vitest'
import { VideoApiError, VideoNetworkError, VideoValidationError } from '../src/errors'
import type { VideoTransport } from '../src/transport/types'
import { jsonResponse, recordingFetch, rejection, videoFixture, type Answer } from './fetch-doubles'

/**
 * What every transport must withstand from a hostile or broken server, run once per transport so
 * `createFetchTransport` and `fromOpenAI` keep the same guarantees: the key never leaks into an error
 * (any field, `cause`, `JSON.stringify`) nor a body, Retry-After is capped, and bodies are bounded in
 * size and depth.
 */

/** The base URL the transports under test are connected to. */
export const HOSTILE_BASE_URL = 'http://hostile.local/v1'
/** The key the transports send, which the hostile server echoes everywhere. */
export const HOSTILE_KEY = 'sk-hostile-0123456789abcdef'

/** Connects a transport to `fetch` at {@link HOSTILE_BASE_URL} with `apiKey`, without retries. */
export type ConnectTransport = (fetch: typeof globalThis.fetch, apiKey: string) => VideoTransport

const KEY = HOSTILE_KEY

/** Asserts the key appears nowhere in `error`: its fields, its cause chain, its stack or its JSON. */
export function expectNoKey(error: unknown): void {
  expect(JSON.stringify(error)).not.toContain(KEY)
  const seen = new Set<unknown>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') expect(value).not.toContain(KEY)
    if (typeof value !== 'object' || value === null || seen.has(value)) return
    seen.add(value)
    for (const key of Reflect.ownKeys(value)) visit((value as Record<PropertyKey, unknown>)[key])
    if (value instanceof Error) [value.message, value.stack, value.cause].forEach(visit)
  }
  visit(error)
}

/** A body nested `depth` levels deep. */
const deep = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth)

/** Declares the shared suite for one transport. */
export function describeHostileServerContract(name: string, connect: ConnectTransport): void {
  const against = (answer: Answer): VideoTransport => connect(recordingFetch(answer).fetch, KEY)

  describe(`${name} against a hostile server`, () => {
    it('keeps the key out of every field of a VideoApiError, its JSON included', async () => {
      const echo = {
        error: { message: `Incorrect API key provided: ${KEY}`, type: `t-${KEY}`, param: KEY, code: KEY },
      }
      const headers = { 'x-request-id': `req-${KEY}` }
      const error = await rejection(against(() => jsonResponse(echo, { status: 401, headers })).list({}))
      expect(error).toBeInstanceOf(VideoApiError)
      expect(error).toMatchObject({
        status: 401,
        message: 'Incorrect API key provided: [redacted]',
        type: 't-[redacted]',
        param: '[redacted]',
        code: '[redacted]',
        requestId: 'req-[redacted]',
      })
      expectNoKey(error)
      expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'VideoApiError', status: 401 })
    })

    it("keeps the key out of a FastAPI error's fields", async () => {
      const detail = [{ loc: ['body', KEY], msg: `bad value ${KEY}`, type: 'value_error', input: KEY }]
      const error = await rejection(against(() => jsonResponse({ detail }, { status: 422 })).list({}))
      expect(error).toMatchObject({ name: 'VideoApiError', status: 422 })
      expectNoKey(error)
    })

    it('keeps the key out of a VideoValidationError built from a 2xx answer: body, issues, JSON', async () => {
      const html = `<p>Welcome back, your key is ${KEY}</p>`
      const error = await rejection(
        against(() => new Response(html, { headers: { 'content-type': `text/html; key=${KEY}` } })).retrieve(
          'video_1',
        ),
      )
      expect(error).toBeInstanceOf(VideoValidationError)
      const validation = error as VideoValidationError
      expect(validation.body).toBe('<p>Welcome back, your key is [redacted]</p>')
      expect(validation.issues[0]?.input).toBe(validation.body)
      expectNoKey(error)
    })

    it('keeps the key out of a 2xx body, so no state built from it holds the key', async () => {
      const video = { ...videoFixture, prompt: `made with ${KEY}`, extra: { nested: [KEY] } }
      const result = await against(() => jsonResponse(video, { headers: { 'x-request-id': KEY } })).retrieve(
        'video_1',
      )
      expect(result.body).toEqual({
        ...videoFixture,
        prompt: 'made with [redacted]',
        extra: { nested: ['[redacted]'] },
      })
      expect(result.requestId).toBe('[redacted]')
    })

    it('keeps the key out of a network error and its cause chain', async () => {
      const cause = new TypeError(`could not send Bearer ${KEY}`, { cause: new Error(`socket ${KEY}`) })
      const error = await rejection(against(() => Promise.reject(cause)).retrieve('video_1'))
      expect(error).toBeInstanceOf(VideoNetworkError)
      expect(error.message).toContain('[redacted]')
      expectNoKey(error)
    })

    it('caps a Retry-After past 2^31-1 ms at 60 s, saying the server asked for more', async () => {
      const api = createMockVideoApi({ clock: 'manual' })
      api.faults.next({ type: 'rate-limit', retryAfterMs: 2 ** 31, header: 'retry-after-ms' })
      const error = await rejection(connect(api.fetch, KEY).list({}))
      expect(error).toMatchObject({ status: 429, retryAfterMs: 60_000, requestedRetryAfterMs: 2 ** 31 })
      expect(error.message).toMatch(
        /the server asked to wait 2147484 s before retrying; vidjob waits at most 60 s/,
      )
      expect(api.count({ endpoint: 'list' })).toBe(1)
    })

    it('refuses a 200,000-deep JSON answer with a VideoValidationError, not a stack overflow', async () => {
      const error = await rejection(against(() => new Response(deep(200_000))).retrieve('video_1'))
      expect(error).toBeInstanceOf(VideoValidationError)
      expect(error.message).toMatch(/answered 200 with JSON nested deeper than 64 levels/)
      expect((error as VideoValidationError).body).toBeUndefined()
    })

    it("refuses a 200,000-deep error body as the answer's fault, never as a VideoNetworkError", async () => {
      const body = `{"error":${deep(200_000)}}`
      const answer: Answer = () =>
        new Response(body, { status: 500, headers: { 'content-type': 'application/json' } })
      const error = await rejection(against(answer).retrieve('video_1'))
      expect(error).not.toBeInstanceOf(VideoNetworkError)
      expect([VideoApiError, VideoValidationError].some((type) => error instanceof type)).toBe(true)
      expect(() => JSON.stringify(error)).not.toThrow()
    })

    it('stops reading a JSON answer past 16 MiB and says which option bounds it', async () => {
      let pulled = 0
      let cancelled = false
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++
          controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20))
        },
        cancel: () => void (cancelled = true),
      })
      const error = await rejection(against(() => new Response(endless)).retrieve('video_1'))
      expect(error).toBeInstanceOf(VideoValidationError)
      expect(error.message).toMatch(/with a body larger than maxBodyBytes \(16777216 bytes\)/)
      expect(pulled).toBeLessThanOrEqual(18)
      expect(cancelled).toBe(true)
    })
  })
}
