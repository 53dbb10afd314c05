import OpenAI from 'openai'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { VideoApiError, VideoNetworkError, VideoValidationError } from '../errors'
import type { OpenAILike } from './from-openai'
import { fromOpenAI } from './from-openai'
import type { Answer, RecordedCall } from '../../test/fetch-doubles'
import {
  hang,
  jsonResponse,
  listFixture,
  recordingFetch,
  rejection,
  videoFixture,
} from '../../test/fetch-doubles'
import type { VideoTransport } from './types'

const KEY = 'sk-test-0123456789'
/** Extra fields must survive: the SDK's parsing is bypassed. */
const video = { ...videoFixture, extra: 1 }

function setup(
  answer: Answer = () => jsonResponse(video),
  options: { timeout?: number } = {},
): { transport: VideoTransport; calls: RecordedCall[]; sdk: OpenAI } {
  const { fetch, calls } = recordingFetch(answer)
  const sdk = new OpenAI({ apiKey: KEY, baseURL: 'http://sdk.local/v1', fetch, maxRetries: 0, ...options })
  return { transport: fromOpenAI(sdk), calls, sdk }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('fromOpenAI with the real openai SDK', () => {
  it('returns the raw body, unparsed, with the poll and request-id hints', async () => {
    const headers = { 'openai-poll-after-ms': '800', 'x-request-id': 'req_9' }
    const { transport, calls } = setup(() => jsonResponse(video, { headers }))
    await expect(transport.retrieve('video_123')).resolves.toEqual({
      body: video,
      pollAfterMs: 800,
      requestId: 'req_9',
    })
    expect(calls[0]).toMatchObject({ method: 'GET', url: 'http://sdk.local/v1/videos/video_123' })
    expect(calls[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`)
  })

  it('returns a list page as the server sent it, not as the SDK page object', async () => {
    const page = listFixture
    const { transport, calls } = setup(() => jsonResponse(page))
    await expect(transport.list({ limit: 5, order: 'asc', after: undefined })).resolves.toEqual({
      body: page,
    })
    expect(calls[0]?.url).toBe('http://sdk.local/v1/videos?limit=5&order=asc')
  })

  it('passes a Range to the content endpoint', async () => {
    const { transport, calls } = setup(() => new Response('mp', { status: 206 }))
    const response = await transport.downloadContent('video_123', {}, { range: 'bytes=0-1' })
    expect(response.status).toBe(206)
    expect(calls.at(-1)?.headers.get('range')).toBe('bytes=0-1')
  })

  it('sends create, remix, delete and downloadContent to their endpoints', async () => {
    const { transport, calls } = setup((call) =>
      call.url.includes('/content')
        ? new Response('mp4', { headers: { 'content-type': 'video/mp4' } })
        : jsonResponse(video),
    )
    await transport.create({ prompt: 'A cat', seconds: '8' })
    await transport.remix('video_123', { prompt: 'At night' })
    await transport.delete('video_123')
    const content = await transport.downloadContent('video_123', { variant: 'thumbnail' })
    // The SDK probes its fetch with `data:,` before its first multipart request.
    const sent = calls.filter((c) => c.url.startsWith('http://sdk.local/v1'))
    expect(sent.map((c) => `${c.method} ${c.url.slice('http://sdk.local/v1'.length)}`)).toEqual([
      'POST /videos',
      'POST /videos/video_123/remix',
      'DELETE /videos/video_123',
      'GET /videos/video_123/content?variant=thumbnail',
    ])
    expect(content.bodyUsed).toBe(false)
    await expect(content.text()).resolves.toBe('mp4')
  })

  it('applies the shared id guard before the SDK sends anything', async () => {
    const { transport, calls } = setup()
    for (const id of ['', '.', '..']) {
      expect(await rejection(transport.retrieve(id))).toBeInstanceOf(VideoValidationError)
      expect(await rejection(transport.downloadContent(id))).toBeInstanceOf(VideoValidationError)
    }
    expect(calls).toHaveLength(0)
  })

  it('lets the SDK keep an id with "/" inside its path segment', async () => {
    const { transport, calls } = setup()
    await transport.retrieve('../x')
    expect(calls[0]?.url).toBe('http://sdk.local/v1/videos/..%2Fx')
  })

  it('maps an APIError to VideoApiError with the envelope, request id and retry hint', async () => {
    const body = {
      error: { message: 'Slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' },
    }
    const headers = { 'x-request-id': 'req_429', 'retry-after-ms': '1500' }
    const { transport } = setup(() => jsonResponse(body, { status: 429, headers }))
    const error = await rejection(transport.list({}))
    expect(error).toBeInstanceOf(VideoApiError)
    expect(error).toMatchObject({
      status: 429,
      message: 'Slow down',
      code: 'rate_limit_exceeded',
      type: 'requests',
      requestId: 'req_429',
      retryAfterMs: 1500,
    })
  })

  it('names the request when an error answer has no envelope', async () => {
    const { transport } = setup(() => new Response('<html>oops</html>', { status: 502 }))
    const error = await rejection(transport.retrieve('abc'))
    expect(error.message).toBe('GET /videos/abc answered 502 with no error body')
  })

  it('refuses a 2xx body that is not JSON, like the fetch transport', async () => {
    const { transport } = setup(() => new Response('<html>', { headers: { 'content-type': 'text/html' } }))
    expect(await rejection(transport.retrieve('video_123'))).toBeInstanceOf(VideoValidationError)
  })

  it('maps a connection failure to VideoNetworkError naming the request and origin', async () => {
    const { transport } = setup(() => Promise.reject(new TypeError('fetch failed')))
    const error = await rejection(transport.delete('video_123'))
    expect(error).toBeInstanceOf(VideoNetworkError)
    expect((error as VideoNetworkError).timedOut).toBe(false)
    expect(error.message).toMatch(/^DELETE \/videos\/video_123 to http:\/\/sdk\.local failed: /)
  })

  it('maps the SDK timeout to VideoNetworkError { timedOut: true }', async () => {
    vi.useFakeTimers()
    const { transport } = setup(hang, { timeout: 1000 })
    const pending = rejection(transport.retrieve('video_123'))
    await vi.advanceTimersByTimeAsync(1000)
    const error = await pending
    expect(error).toBeInstanceOf(VideoNetworkError)
    expect((error as VideoNetworkError).timedOut).toBe(true)
    expect(error.message).toMatch(/timed out by the openai client's timeout option/)
  })

  it('passes the signal to the SDK and rejects with AbortError when it aborts', async () => {
    let sent: () => void = () => undefined
    const reached = new Promise<void>((resolve) => (sent = resolve))
    const { transport, calls } = setup((call) => {
      sent()
      return hang(call)
    })
    const controller = new AbortController()
    const pending = rejection(transport.retrieve('video_123', { signal: controller.signal }))
    await reached
    const reason = new DOMException('left the page', 'AbortError')
    controller.abort(reason)
    expect(await pending).toBe(reason)
    expect(calls[0]?.signal?.aborted).toBe(true)
  })

  it('redacts the client key from a message the server echoes it in', async () => {
    const echo = { error: { message: `Incorrect API key provided: ${KEY}` } }
    const error = await rejection(
      setup(() => jsonResponse(echo, { status: 401 })).transport.retrieve('video_123'),
    )
    expect(error.message).toBe('Incorrect API key provided: [redacted]')
  })
})

describe('fromOpenAI with a structural client', () => {
  it('refuses a client without videos, pointing at the SDK version', () => {
    expect(() => fromOpenAI({} as OpenAILike)).toThrow(/openai SDK, version 6 or later/)
  })

  it('maps a minified timeout class by its message and names an unknown baseURL', async () => {
    const failing = { asResponse: () => Promise.reject(new Error('Request timed out.')) }
    const client = { videos: { retrieve: () => failing } } as unknown as OpenAILike
    const error = await rejection(fromOpenAI(client).retrieve('video_123'))
    expect(error).toMatchObject({ name: 'VideoNetworkError', timedOut: true })
    expect(error.message).toMatch(/to the openai client's baseURL timed out/)
  })

  it('maps the timeout class by name whatever its message', async () => {
    class APIConnectionTimeoutError extends Error {}
    const failing = {
      asResponse: () => Promise.reject(new APIConnectionTimeoutError('Timed out after 10 s')),
    }
    const client = { videos: { retrieve: () => failing } } as unknown as OpenAILike
    const error = await rejection(fromOpenAI(client).retrieve('video_123'))
    expect(error).toMatchObject({ name: 'VideoNetworkError', timedOut: true })
  })

  it('maps any other failure without a status to VideoNetworkError', async () => {
    const failing = { asResponse: () => Promise.reject(new Error('Connection error.')) }
    const client = { videos: { retrieve: () => failing } } as unknown as OpenAILike
    const error = await rejection(fromOpenAI(client).retrieve('video_123'))
    expect(error).toMatchObject({ name: 'VideoNetworkError', timedOut: false })
  })

  it('maps a status error with no body to a VideoApiError naming the request', async () => {
    const sdkError = Object.assign(new Error('500 status code (no body)'), {
      status: 500,
      headers: new Headers(),
    })
    const failing = { asResponse: () => Promise.reject(sdkError) }
    const client = {
      videos: { retrieve: () => failing, remix: () => failing },
    } as unknown as OpenAILike
    const error = await rejection(fromOpenAI(client).remix('video_123', { prompt: 'x' }))
    expect(error).toBeInstanceOf(VideoApiError)
    expect(error.message).toBe('POST /videos/video_123/remix answered 500 with no error body')
  })
})
