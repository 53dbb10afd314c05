import { afterEach, describe, expect, it, vi } from 'vitest'
import { VideoClientError, VideoConfigError } from '../errors'
import { createFetchTransport } from './fetch-transport'
import { hang, jsonResponse as json, listFixture, rejection, videoFixture } from '../../test/fetch-doubles'
import { BASE, KEY, setup } from '../../test/fetch-transport-setup'
import type { TransportOperation, VideoTransport } from './types'

afterEach(() => {
  vi.useRealTimers()
})

/** Calls every method once. */
async function callEverything(transport: VideoTransport): Promise<void> {
  await transport.retrieve('video_123')
  await transport.list({ limit: 2, order: 'asc' })
  await transport.create({ prompt: 'p' })
  await transport.remix('video_123', { prompt: 'p' })
  await transport.delete('video_123')
  await transport.downloadContent('video_123', { variant: 'thumbnail' })
}

const anything = (): Response => json(videoFixture, { headers: { 'content-type': 'image/png' } })

describe('defaultQuery', () => {
  it('is added to every request, content downloads included', async () => {
    const { transport, calls } = setup(anything, { defaultQuery: { 'api-version': 'preview' } })
    await callEverything(transport)
    expect(calls.map((call) => call.url.slice(BASE.length))).toEqual([
      '/videos/video_123?api-version=preview',
      '/videos?limit=2&order=asc&api-version=preview',
      '/videos?api-version=preview',
      '/videos/video_123/remix?api-version=preview',
      '/videos/video_123?api-version=preview',
      '/videos/video_123/content?variant=thumbnail&api-version=preview',
    ])
  })

  it("yields to a request's own parameter of the same name, and encodes values", async () => {
    const { transport, calls } = setup(() => json(listFixture), {
      defaultQuery: { limit: '5', sig: 'a b&c' },
    })
    await transport.list({ limit: 10 })
    expect(calls[0]?.url).toBe(`${BASE}/videos?limit=10&sig=a+b%26c`)
  })

  it('refuses a value that is not a string, naming the parameter', () => {
    const defaultQuery = { 'api-version': 2025 } as unknown as Record<string, string>
    expect(() => createFetchTransport({ baseURL: BASE, defaultQuery })).toThrow(
      "createFetchTransport: defaultQuery['api-version'] must be a string (got number).",
    )
  })
})

describe('a baseURL with a query string', () => {
  it('is refused at setup with a message that names defaultQuery, without the values', () => {
    const create = () =>
      createFetchTransport({ baseURL: 'https://r.openai.azure.com/openai/v1?api-version=preview&sig=s3cret' })
    expect(create).toThrow(VideoConfigError)
    expect(create).toThrow(
      'createFetchTransport: baseURL must not carry a query string or fragment: the transport appends ' +
        "/videos... to it. Move the query to defaultQuery, e.g. { baseURL: 'https://r.openai.azure.com/openai/v1', " +
        "defaultQuery: { 'api-version': '...', 'sig': '...' } }.",
    )
    expect(create).not.toThrow(/s3cret|preview/)
  })

  it('is refused with a fragment or an empty query too', () => {
    for (const baseURL of ['/api/v1?', 'https://x.test/v1#top']) {
      expect(() => createFetchTransport({ baseURL })).toThrow(/must not carry a query string.*defaultQuery/)
    }
  })
})

describe('headers and apiKey as functions', () => {
  it('calls them before every request, sync or async, so a rotating token is always fresh', async () => {
    let turn = 0
    const apiKey = vi.fn(() => `key-${++turn}`)
    const headers = vi.fn(async () => ({ 'x-token': `token-${turn}` }))
    const { transport, calls } = setup(undefined, { apiKey, headers })
    await transport.retrieve('a')
    await transport.retrieve('b')
    expect(calls.map((call) => call.headers.get('authorization'))).toEqual(['Bearer key-1', 'Bearer key-2'])
    expect(calls.map((call) => call.headers.get('x-token'))).toEqual(['token-1', 'token-2'])
    expect(apiKey).toHaveBeenCalledTimes(2)
    expect(headers).toHaveBeenCalledTimes(2)
  })

  it("sends no Authorization when the key function gives ''", async () => {
    const { transport, calls } = setup(undefined, { apiKey: async () => '' })
    await transport.retrieve('a')
    expect(calls[0]?.headers.has('authorization')).toBe(false)
  })

  it('rejects with a VideoConfigError naming the option that threw, sending nothing', async () => {
    const failure = new Error(`token service said no to ${KEY}`)
    for (const option of ['apiKey', 'headers'] as const) {
      const { transport, calls } = setup(undefined, { [option]: () => Promise.reject(failure) })
      const error = await rejection(transport.retrieve('a'))
      expect(error).toBeInstanceOf(VideoConfigError)
      expect(error).toMatchObject({ option, cause: failure })
      expect(error.message).toBe(
        `createFetchTransport: the ${option} function threw (Error; its error is the cause) while preparing ` +
          `GET /videos/a; nothing was sent. Check how ${option} is given (it is never quoted here).`,
      )
      expect(calls).toHaveLength(0)
    }
  })

  it('refuses what a function gives that cannot be sent, without echoing it', async () => {
    const cases = [
      {
        apiKey: () => 42 as unknown as string,
        option: 'apiKey',
        says: /gave number, not a string \('' for none\)/,
      },
      {
        apiKey: () => `${KEY}\ninjected`,
        option: 'apiKey',
        says: /apiKey holds a value that cannot be sent/,
      },
      {
        headers: () => ({ 'api-key': `${KEY}\r\ninjected: 1` }),
        option: 'headers',
        says: /headers\['api-key'\] holds/,
      },
      {
        headers: () => ({ 'api-key': 7 }) as unknown as Record<string, string>,
        option: 'headers',
        says: /gave number for 'api-key', not a string/,
      },
      {
        headers: () => null as unknown as Record<string, string>,
        option: 'headers',
        says: /gave null, not an object of strings/,
      },
    ]
    for (const { option, says, ...options } of cases) {
      const { transport, calls } = setup(undefined, options)
      const error = await rejection(transport.retrieve('a'))
      expect(error).toMatchObject({ name: 'VideoConfigError', option })
      expect(error.message).toMatch(says)
      expect(JSON.stringify(error)).not.toContain(KEY)
      expect(calls).toHaveLength(0)
    }
  })

  it('counts a slow function against timeoutMs, and an abort stops it', async () => {
    vi.useFakeTimers()
    const slow = setup(undefined, {
      headers: () => new Promise<Record<string, string>>(() => undefined),
      timeoutMs: 500,
    })
    const pending = rejection(slow.transport.retrieve('a'))
    await vi.advanceTimersByTimeAsync(500)
    expect(await pending).toMatchObject({ name: 'VideoNetworkError', timedOut: true })
    const controller = new AbortController()
    const aborted = setup(hang, { apiKey: () => new Promise<string>(() => undefined) })
    const abortedPending = rejection(aborted.transport.retrieve('a', { signal: controller.signal }))
    controller.abort()
    expect((await abortedPending).name).toBe('AbortError')
    expect(aborted.calls).toHaveLength(0)
  })

  it('is refused in a browser as a key function too, unless dangerouslyAllowBrowser', () => {
    vi.stubGlobal('window', { document: {} })
    expect(() => createFetchTransport({ baseURL: BASE, apiKey: () => KEY })).toThrow(VideoClientError)
    expect(() =>
      createFetchTransport({ baseURL: BASE, apiKey: () => KEY, dangerouslyAllowBrowser: true }),
    ).not.toThrow()
  })

  it('redacts the values of credential headers from errors, as the key', async () => {
    const echo = { error: { message: `bad api-key ${KEY}, bad token tok-123456` } }
    const { transport } = setup(() => json(echo, { status: 401 }), {
      headers: async () => ({ 'api-key': KEY, authorization: 'Bearer tok-123456' }),
    })
    const error = await rejection(transport.retrieve('a'))
    expect(error.message).toBe('bad api-key [redacted], bad token [redacted]')
  })
})

describe('normalize', () => {
  it('rewrites every JSON body before it is returned, told which endpoint answered', async () => {
    const seen: TransportOperation[] = []
    const normalize = (body: unknown, operation: TransportOperation): unknown => {
      seen.push(operation)
      return (body as { data: unknown }).data
    }
    const { transport } = setup(
      () => json({ data: videoFixture }, { headers: { 'content-type': 'video/mp4' } }),
      {
        normalize,
      },
    )
    await expect(transport.retrieve('video_123')).resolves.toEqual({ body: videoFixture })
    await callEverything(transport)
    expect(seen).toEqual(['retrieve', 'retrieve', 'list', 'create', 'remix', 'delete'])
  })

  it('is not applied to error bodies', async () => {
    const normalize = vi.fn((body: unknown) => body)
    const { transport } = setup(() => json({ error: { message: 'nope' } }, { status: 400 }), { normalize })
    await rejection(transport.retrieve('a'))
    expect(normalize).not.toHaveBeenCalled()
  })

  it('rejects with a VideoConfigError naming normalize when it throws', async () => {
    const { transport } = setup(undefined, {
      normalize: () => {
        throw new TypeError('cannot read data')
      },
    })
    const error = await rejection(transport.list({}))
    expect(error).toMatchObject({ name: 'VideoConfigError', option: 'normalize' })
    expect(error.message).toMatch(
      /^The normalize function threw \(TypeError\) on the answer to GET \/videos, which was dropped\./,
    )
  })

  it('must be a function', () => {
    const normalize = 'yes' as unknown as () => unknown
    expect(() => createFetchTransport({ baseURL: BASE, normalize })).toThrow(/normalize must be a function/)
  })
})
