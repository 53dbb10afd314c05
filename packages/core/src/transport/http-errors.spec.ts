import { describe, expect, it } from 'vitest'
import { VideoApiError, VideoNetworkError } from '../errors'
import type { RequestContext } from './http-errors'
import {
  apiErrorFromResponse,
  describeOrigin,
  networkError,
  redactSecret,
  timeoutError,
  toApiError,
} from './http-errors'

const context: RequestContext = {
  request: 'GET /videos/abc',
  origin: 'https://api.example.com',
  secrets: ['sk-secret'],
}
const envelope = {
  error: { message: 'No video found', type: 'invalid_request_error', param: 'id', code: 'not_found' },
}

describe('describeOrigin', () => {
  it('keeps only the origin of an absolute baseURL, without credentials', () => {
    expect(describeOrigin('https://user:pw@api.example.com/v1/')).toBe('https://api.example.com')
  })

  it('names a relative baseURL as relative to the page', () => {
    expect(describeOrigin('/api/openai/v1')).toBe('/api/openai/v1 (relative to the page)')
  })
})

describe('redactSecret', () => {
  it('replaces every occurrence', () => {
    expect(redactSecret('a sk-secret b sk-secret', ['sk-secret'])).toBe('a [redacted] b [redacted]')
  })

  it('leaves the message alone without a secret', () => {
    expect(redactSecret('a b', undefined)).toBe('a b')
    expect(redactSecret('a b', [''])).toBe('a b')
  })
})

describe('toApiError', () => {
  it('takes message, code, type and param from the envelope', () => {
    const error = toApiError(context, { status: 404, headers: new Headers(), body: envelope })
    expect(error).toBeInstanceOf(VideoApiError)
    expect(error).toMatchObject({
      status: 404,
      message: 'No video found',
      code: 'not_found',
      type: 'invalid_request_error',
      param: 'id',
    })
  })

  it('reads x-request-id and the retry hint', () => {
    const headers = new Headers({ 'x-request-id': 'req_1', 'retry-after': '2' })
    const error = toApiError(context, { status: 429, headers, body: envelope })
    expect(error.requestId).toBe('req_1')
    expect(error.retryAfterMs).toBe(2000)
  })

  it.each([
    ['no body', undefined],
    ['a JSON body that is not an envelope', { status: 'oops' }],
    ["vLLM's auth body", { error: 'Unauthorized' }],
    ['a FastAPI detail that is neither a string nor a list', { detail: { reason: 'x' } }],
    ['an empty FastAPI detail', { detail: '' }],
    ['raw text', '<html>Bad Gateway</html>'],
    ['an envelope with an empty message', { error: { message: '' } }],
  ])('names the request and status for %s', (_, body) => {
    const error = toApiError(context, {
      status: 502,
      statusText: 'Bad Gateway',
      headers: new Headers(),
      body,
    })
    expect(error.message).toBe('GET /videos/abc answered 502 Bad Gateway with no error body')
    expect(error).toMatchObject({ status: 502, code: null, type: null, param: null })
  })

  it("reads new-api's flat task body, its code included", () => {
    const body = { code: 'task_not_exist', message: 'task_not_exist', data: null }
    const error = toApiError(context, { status: 400, headers: new Headers(), body })
    expect(error).toMatchObject({ status: 400, message: 'task_not_exist', code: 'task_not_exist' })
  })

  it('leaves out an empty status text (HTTP/2 has none)', () => {
    const error = toApiError(context, {
      status: 503,
      statusText: '',
      headers: new Headers(),
      body: undefined,
    })
    expect(error.message).toBe('GET /videos/abc answered 503 with no error body')
  })

  it('caps a longer Retry-After at 60 s and says the server asked for more, in the field and the message', () => {
    const headers = new Headers({ 'retry-after': '3600' })
    const error = toApiError(context, { status: 429, headers, body: envelope })
    expect(error).toMatchObject({ retryAfterMs: 60_000, requestedRetryAfterMs: 3_600_000 })
    expect(error.message).toBe(
      'No video found (the server asked to wait 3600 s before retrying; vidjob waits at most 60 s)',
    )
    const bare = toApiError(context, { status: 429, headers, body: undefined })
    expect(bare.message).toMatch(/answered 429 with no error body \(the server asked to wait 3600 s/)
  })

  it('leaves the message alone and requestedRetryAfterMs undefined for a wait within the cap', () => {
    const error = toApiError(context, {
      status: 429,
      headers: new Headers({ 'retry-after': '60' }),
      body: envelope,
    })
    expect(error).toMatchObject({ message: 'No video found', retryAfterMs: 60_000 })
    expect(error.requestedRetryAfterMs).toBeUndefined()
  })

  it('redacts the key when a server echoes it', () => {
    const body = { error: { message: 'Incorrect API key provided: sk-secret' } }
    const error = toApiError(context, { status: 401, headers: new Headers(), body })
    expect(error.message).toBe('Incorrect API key provided: [redacted]')
  })
})

describe('apiErrorFromResponse', () => {
  it('reads the JSON envelope of a Response', async () => {
    const response = new Response(JSON.stringify(envelope), {
      status: 404,
      headers: { 'x-request-id': 'req_9' },
    })
    const error = await apiErrorFromResponse(response, context)
    expect(error).toMatchObject({ status: 404, message: 'No video found', requestId: 'req_9' })
  })

  it('treats a garbled body as no envelope', async () => {
    const response = new Response('{"error": ', { status: 500, statusText: 'Internal Server Error' })
    const error = await apiErrorFromResponse(response, context)
    expect(error.message).toBe('GET /videos/abc answered 500 Internal Server Error with no error body')
  })
})

describe('networkError and timeoutError', () => {
  it('names the request and origin, the cause and its cause, and what to check', () => {
    const cause = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4010') })
    const error = networkError(context, cause)
    expect(error).toBeInstanceOf(VideoNetworkError)
    expect(error.timedOut).toBe(false)
    expect(error.cause).toBe(cause)
    expect(error.message).toBe(
      'GET /videos/abc to https://api.example.com failed: fetch failed (connect ECONNREFUSED 127.0.0.1:4010). ' +
        'Check that baseURL points at a Videos API server and that the server is running and reachable.',
    )
  })

  it('describes a non-Error cause and redacts the key', () => {
    expect(networkError(context, 'socket hang up sk-secret').message).toContain(
      'failed: socket hang up [redacted].',
    )
  })

  it('marks a timeout', () => {
    const error = timeoutError(context, 'after 50 ms', undefined)
    expect(error.timedOut).toBe(true)
    expect(error.message).toBe('GET /videos/abc to https://api.example.com timed out after 50 ms.')
  })
})
