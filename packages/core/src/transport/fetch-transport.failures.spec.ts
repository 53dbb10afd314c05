import { afterEach, describe, expect, it, vi } from 'vitest'
import { VideoApiError, VideoClientError, VideoNetworkError, VideoValidationError } from '../errors'
import { createFetchTransport } from './fetch-transport'
import type { Answer } from '../../test/fetch-doubles'
import { hang, jsonResponse as json, rejection } from '../../test/fetch-doubles'
import type { VideoTransport } from './types'
import { BASE, KEY, setup } from '../../test/fetch-transport-setup'

afterEach(() => {
  vi.useRealTimers()
})

describe('failures', () => {
  it('maps the error envelope of a non-2xx answer to VideoApiError', async () => {
    const envelope = {
      error: { message: 'No such video', type: 'invalid_request_error', param: 'video_id', code: null },
    }
    const { transport } = setup(() => json(envelope, { status: 404, headers: { 'x-request-id': 'req_404' } }))
    const error = await rejection(transport.retrieve('video_123'))
    expect(error).toBeInstanceOf(VideoApiError)
    expect(error).toMatchObject({
      status: 404,
      message: 'No such video',
      type: 'invalid_request_error',
      param: 'video_id',
      code: null,
      requestId: 'req_404',
      retryAfterMs: undefined,
    })
  })

  it('names the request and status when there is no error body', async () => {
    const { transport } = setup(() => new Response(null, { status: 502, statusText: 'Bad Gateway' }))
    const error = await rejection(transport.retrieve('abc'))
    expect(error).toBeInstanceOf(VideoApiError)
    expect(error.message).toBe('GET /videos/abc answered 502 Bad Gateway with no error body')
  })

  it.each([
    ['retry-after-ms', { 'retry-after-ms': '750' }, 750],
    ['retry-after in seconds', { 'retry-after': '2' }, 2000],
    ['retry-after as an HTTP date', { 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }, 30_000],
  ])('reads %s into retryAfterMs', async (_, headers, expected) => {
    vi.useFakeTimers({ now: Date.parse('2025-01-01T00:00:00Z') })
    const { transport } = setup(() => json({ error: { message: 'Slow down' } }, { status: 429, headers }))
    const error = await rejection(transport.list({}))
    expect(error).toMatchObject({ status: 429, retryAfterMs: expected })
  })

  it('refuses a 2xx body that is not JSON with a VideoValidationError', async () => {
    const html = '<!doctype html><p>Welcome</p>'
    const { transport } = setup(() => new Response(html, { headers: { 'content-type': 'text/html' } }))
    const error = await rejection(transport.retrieve('video_123'))
    expect(error).toBeInstanceOf(VideoValidationError)
    expect((error as VideoValidationError).body).toBe(html)
    expect((error as VideoValidationError).issues).toHaveLength(1)
    expect(error.message).toMatch(/non-JSON.*Check that baseURL points at a Videos API/s)
  })

  it('maps a rejected fetch to VideoNetworkError naming method, path and origin', async () => {
    const { transport } = setup(() => Promise.reject(new TypeError('fetch failed')))
    const error = await rejection(transport.list({ limit: 5 }))
    expect(error).toBeInstanceOf(VideoNetworkError)
    expect((error as VideoNetworkError).timedOut).toBe(false)
    expect(error.cause).toBeInstanceOf(TypeError)
    expect(error.message).toMatch(/^GET \/videos\?limit=5 to http:\/\/mock\.local failed: fetch failed\./)
    expect(error.message).toMatch(/Check that baseURL/)
  })

  it('maps a body that breaks off mid-read to VideoNetworkError', async () => {
    const broken = new ReadableStream({ pull: (c) => c.error(new TypeError('terminated')) })
    const { transport } = setup(() => new Response(broken))
    const error = await rejection(transport.retrieve('video_123'))
    expect(error).toBeInstanceOf(VideoNetworkError)
    expect(error.message).toMatch(/failed: terminated/)
  })
})

describe('timeoutMs', () => {
  it('aborts a request that takes too long with VideoNetworkError { timedOut: true } and leaves no timer', async () => {
    vi.useFakeTimers()
    const { transport, calls } = setup(hang, { timeoutMs: 5000 })
    const settled = rejection(transport.retrieve('video_123'))
    await vi.advanceTimersByTimeAsync(4999)
    expect(calls[0]?.signal?.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const error = await settled
    expect(error).toBeInstanceOf(VideoNetworkError)
    expect((error as VideoNetworkError).timedOut).toBe(true)
    expect(error.message).toMatch(/^GET \/videos\/video_123 to http:\/\/mock\.local timed out after 5000 ms/)
    expect(calls[0]?.signal?.aborted).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('still times out when the fetch in use ignores its signal', async () => {
    vi.useFakeTimers()
    const { transport } = setup(() => new Promise<Response>(() => undefined), { timeoutMs: 100 })
    const settled = rejection(transport.retrieve('video_123'))
    await vi.advanceTimersByTimeAsync(100)
    expect(await settled).toMatchObject({ name: 'VideoNetworkError', timedOut: true })
  })

  it('clears its timer when the request succeeds or fails', async () => {
    vi.useFakeTimers()
    const ok = setup(undefined, { timeoutMs: 5000 })
    await ok.transport.retrieve('video_123')
    const failing = setup(() => json({ error: { message: 'nope' } }, { status: 500 }), { timeoutMs: 5000 })
    await rejection(failing.transport.retrieve('video_123'))
    expect(vi.getTimerCount()).toBe(0)
  })

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses timeoutMs %s at setup', (timeoutMs) => {
    expect(() => createFetchTransport({ baseURL: BASE, timeoutMs })).toThrow(
      /timeoutMs must be a positive number/,
    )
  })
})

describe('abort', () => {
  it('rejects with the signal reason when it is an AbortError, not a VideoNetworkError', async () => {
    const { transport } = setup(hang, { timeoutMs: 60_000 })
    const controller = new AbortController()
    const pending = rejection(transport.retrieve('video_123', { signal: controller.signal }))
    const reason = new DOMException('user left', 'AbortError')
    controller.abort(reason)
    expect(await pending).toBe(reason)
  })

  it('rejects with a DOMException AbortError when the reason is something else', async () => {
    const { transport } = setup(hang)
    const controller = new AbortController()
    const pending = rejection(transport.list({}, { signal: controller.signal }))
    controller.abort(new Error('not an abort error'))
    const error = await pending
    expect(error).toBeInstanceOf(DOMException)
    expect(error.name).toBe('AbortError')
  })

  it('does not send when the signal is already aborted', async () => {
    const { transport, calls } = setup()
    const error = await rejection(transport.create({ prompt: 'x' }, { signal: AbortSignal.abort() }))
    expect(error.name).toBe('AbortError')
    expect(calls).toHaveLength(0)
  })

  it('rejects with AbortError when aborted while the body is read', async () => {
    const controller = new AbortController()
    let reading: () => void = () => undefined
    const started = new Promise<void>((resolve) => (reading = resolve))
    const stalled = new ReadableStream({
      pull: () => {
        reading()
        return new Promise(() => undefined)
      },
    })
    const { transport } = setup(() => new Response(stalled))
    const pending = rejection(transport.retrieve('video_123', { signal: controller.signal }))
    await started
    controller.abort()
    expect((await pending).name).toBe('AbortError')
  })

  it('passes a signal that follows the caller to fetch', async () => {
    const controller = new AbortController()
    const { transport, calls } = setup(hang, { timeoutMs: 1000 })
    const pending = rejection(transport.retrieve('video_123', { signal: controller.signal }))
    controller.abort()
    await pending
    expect(calls[0]?.signal?.aborted).toBe(true)
  })
})

describe('the API key', () => {
  it('throws in a browser, saying why and how to fix it, without the key', () => {
    vi.stubGlobal('window', { document: {} })
    const create = (): VideoTransport => createFetchTransport({ baseURL: BASE, apiKey: KEY })
    expect(create).toThrow(VideoClientError)
    expect(create).toThrow(/exposed to every visitor.*own server or proxy.*dangerouslyAllowBrowser: true/s)
    expect(create).not.toThrow(KEY)
  })

  it('is allowed in a browser with dangerouslyAllowBrowser', async () => {
    vi.stubGlobal('window', { document: {} })
    const { transport, calls } = setup(undefined, { apiKey: KEY, dangerouslyAllowBrowser: true })
    await transport.retrieve('video_123')
    expect(calls[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`)
  })

  it('needs no opt-in in a browser without a key (a same-origin proxy adds it)', () => {
    vi.stubGlobal('window', { document: {} })
    expect(() => createFetchTransport({ baseURL: '/api/openai/v1' })).not.toThrow()
  })

  it('counts as a browser from window.document alone, without navigator or process', () => {
    vi.stubGlobal('window', { document: {} })
    vi.stubGlobal('navigator', undefined)
    vi.stubGlobal('process', undefined)
    let thrown: unknown
    try {
      createFetchTransport({ baseURL: BASE, apiKey: KEY })
    } catch (error) {
      thrown = error
    } finally {
      vi.unstubAllGlobals()
    }
    expect(thrown).toBeInstanceOf(VideoClientError)
  })

  it('refuses at setup a key that cannot be sent as a header, without echoing it', () => {
    const bad = 'sk-abc\ndef-0123456789'
    const create = (): VideoTransport => createFetchTransport({ baseURL: BASE, apiKey: bad })
    expect(create).toThrow(/cannot be sent as an HTTP header/)
    expect(create).not.toThrow('sk-abc')
  })

  it('never appears in an error message', async () => {
    const echo = { error: { message: `Incorrect API key provided: ${KEY}` } }
    const answers: Answer[] = [
      () => json(echo, { status: 401 }),
      () => new Response(null, { status: 500 }),
      () => new Response(`<p>${KEY}</p>`),
      () => Promise.reject(new TypeError(`could not send Bearer ${KEY}`)),
    ]
    for (const answer of answers) {
      const { transport } = setup(answer, { apiKey: KEY })
      const error = await rejection(transport.retrieve('video_123'))
      expect(error).toBeInstanceOf(VideoClientError)
      expect(error.message).not.toContain(KEY)
    }
  })
})

describe('setup', () => {
  it('refuses a missing baseURL, showing what one looks like', () => {
    expect(() => createFetchTransport({ baseURL: '' })).toThrow(
      /needs a baseURL.*https:\/\/api\.openai\.com\/v1/,
    )
  })
})
