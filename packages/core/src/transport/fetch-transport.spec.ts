import { afterEach, describe, expect, it, vi } from 'vitest'
import { VideoApiError, VideoValidationError } from '../errors'
import { createFetchTransport } from './fetch-transport'
import {
  jsonResponse as json,
  listFixture,
  recordingFetch,
  rejection,
  videoFixture,
} from '../../test/fetch-doubles'
import type { VideoTransport } from './types'
import { BASE, KEY, setup } from '../../test/fetch-transport-setup'

const video = videoFixture

/** Every method of the transport, called with `id`. */
const byId: Record<string, (t: VideoTransport, id: string) => Promise<unknown>> = {
  retrieve: (t, id) => t.retrieve(id),
  delete: (t, id) => t.delete(id),
  remix: (t, id) => t.remix(id, { prompt: 'again' }),
  downloadContent: (t, id) => t.downloadContent(id),
}

afterEach(() => {
  vi.useRealTimers()
})

describe('URLs', () => {
  it('appends /videos to a baseURL with its version prefix, tolerating trailing slashes', async () => {
    const { fetch, calls } = recordingFetch(() => json(video))
    await createFetchTransport({ baseURL: `${BASE}//`, fetch }).retrieve('video_123')
    expect(calls[0]?.url).toBe('http://mock.local/v1/videos/video_123')
  })

  it('keeps a relative baseURL relative, for a same-origin proxy', async () => {
    const { fetch, calls } = recordingFetch(() => json(video))
    await createFetchTransport({ baseURL: '/api/openai/v1', fetch }).list({})
    expect(calls[0]?.url).toBe('/api/openai/v1/videos')
  })

  it.each(Object.keys(byId))('%s encodes ids so they never leave their path segment', async (method) => {
    const { transport, calls } = setup()
    const call = byId[method]!
    for (const id of ['a/b', '../x', '?q', '#h']) await call(transport, id)
    const paths = calls.map((c) => c.url.slice(BASE.length).replace(/\/(remix|content)$/, ''))
    expect(paths).toEqual(['/videos/a%2Fb', '/videos/..%2Fx', '/videos/%3Fq', '/videos/%23h'])
  })

  it.each(Object.keys(byId))('%s refuses "", "." and ".." before sending', async (method) => {
    const { transport, calls } = setup()
    for (const id of ['', '.', '..']) {
      const error = await rejection(byId[method]!(transport, id))
      expect(error).toBeInstanceOf(VideoValidationError)
      expect(error.message).toContain(`video id ${JSON.stringify(id)}`)
    }
    expect(calls).toHaveLength(0)
  })
})

describe('requests', () => {
  it('retrieve sends GET with accept: application/json and returns the body with its hints', async () => {
    const { transport, calls } = setup(() =>
      json(video, { headers: { 'openai-poll-after-ms': '1500', 'x-request-id': 'req_1' } }),
    )
    await expect(transport.retrieve('video_123')).resolves.toEqual({
      body: video,
      pollAfterMs: 1500,
      requestId: 'req_1',
    })
    expect(calls[0]).toMatchObject({ method: 'GET', body: null })
    expect(calls[0]?.headers.get('accept')).toBe('application/json')
    expect(calls[0]?.headers.get('content-type')).toBeNull()
  })

  it('sends Authorization only when an apiKey is given', async () => {
    const withKey = setup(undefined, { apiKey: KEY })
    await withKey.transport.retrieve('v')
    expect(withKey.calls[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`)

    const withoutKey = setup()
    await withoutKey.transport.retrieve('v')
    expect(withoutKey.calls[0]?.headers.has('authorization')).toBe(false)
  })

  it('treats an empty apiKey as none', async () => {
    const { transport, calls } = setup(undefined, { apiKey: '' })
    await transport.retrieve('v')
    expect(calls[0]?.headers.has('authorization')).toBe(false)
  })

  it('merges user headers, which override the defaults', async () => {
    const headers = {
      'OpenAI-Organization': 'org_1',
      Authorization: 'Proxy abc',
      Accept: 'application/x.custom+json',
    }
    const { transport, calls } = setup(undefined, { apiKey: KEY, headers })
    await transport.retrieve('v')
    expect(calls[0]?.headers.get('openai-organization')).toBe('org_1')
    expect(calls[0]?.headers.get('authorization')).toBe('Proxy abc')
    expect(calls[0]?.headers.get('accept')).toBe('application/x.custom+json')
  })

  it('list sends only the defined query params', async () => {
    const page = listFixture
    const { transport, calls } = setup(() => json(page))
    await expect(transport.list({})).resolves.toEqual({ body: page })
    await transport.list({ limit: 10, order: 'desc', after: undefined })
    await transport.list({ after: 'video_9', limit: 0, order: 'asc' })
    expect(calls.map((c) => c.url.slice(BASE.length))).toEqual([
      '/videos',
      '/videos?limit=10&order=desc',
      '/videos?after=video_9&limit=0&order=asc',
    ])
  })

  it('create sends JSON without a file', async () => {
    const { transport, calls } = setup()
    const params = { prompt: 'A cat', model: 'sora-2', input_reference: { image_url: 'https://img/x.png' } }
    await transport.create(params)
    expect(calls[0]).toMatchObject({ method: 'POST', url: `${BASE}/videos` })
    expect(calls[0]?.headers.get('content-type')).toBe('application/json')
    expect(JSON.parse(calls[0]?.body as string)).toEqual(params)
  })

  it('create sends multipart/form-data with the file when input_reference is a File', async () => {
    const { transport, calls } = setup()
    const file = new File(['png-bytes'], 'ref.png', { type: 'image/png' })
    await transport.create({
      prompt: 'A cat',
      model: 'sora-2',
      size: '1280x720',
      seconds: '8',
      input_reference: file,
    })
    const body = calls[0]?.body
    expect(body).toBeInstanceOf(FormData)
    const form = body as FormData
    expect([...form.keys()]).toEqual(['prompt', 'model', 'size', 'seconds', 'input_reference'])
    expect(form.get('prompt')).toBe('A cat')
    expect(form.get('seconds')).toBe('8')
    const sent = form.get('input_reference') as File
    expect(sent.name).toBe('ref.png')
    expect(sent.type).toBe('image/png')
    await expect(sent.text()).resolves.toBe('png-bytes')
    // fetch derives the multipart content-type with its boundary; a preset one would break it.
    expect(calls[0]?.headers.get('content-type')).toBeNull()
  })

  it('create sends a bare Blob as multipart too, leaving undefined fields out', async () => {
    const { transport, calls } = setup()
    await transport.create({ prompt: 'A cat', model: undefined, input_reference: new Blob(['x']) })
    const form = calls[0]?.body as FormData
    expect([...form.keys()]).toEqual(['prompt', 'input_reference'])
  })

  it('remix sends JSON { prompt } to /videos/{id}/remix', async () => {
    const { transport, calls } = setup()
    await transport.remix('video_123', { prompt: 'Now at night' })
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: `${BASE}/videos/video_123/remix`,
      body: '{"prompt":"Now at night"}',
    })
    expect(calls[0]?.headers.get('content-type')).toBe('application/json')
  })

  it('delete sends DELETE /videos/{id}', async () => {
    const deleted = { object: 'video.deleted', deleted: true, id: 'video_123' }
    const { transport, calls } = setup(() => json(deleted))
    await expect(transport.delete('video_123')).resolves.toEqual({ body: deleted })
    expect(calls[0]).toMatchObject({ method: 'DELETE', url: `${BASE}/videos/video_123` })
  })

  it('uses the global fetch, looked up at each request, when none is given', async () => {
    const { fetch, calls } = recordingFetch(() => json(video))
    const transport = createFetchTransport({ baseURL: BASE })
    vi.stubGlobal('fetch', fetch)
    await transport.retrieve('video_123')
    expect(calls).toHaveLength(1)
  })
})

describe('downloadContent', () => {
  it('returns the raw Response without reading it', async () => {
    const { transport, calls } = setup(
      () => new Response('mp4', { headers: { 'content-type': 'video/mp4' } }),
    )
    const response = await transport.downloadContent('video_123', { variant: 'thumbnail' })
    expect(response.bodyUsed).toBe(false)
    await expect(response.text()).resolves.toBe('mp4')
    expect(calls[0]?.url).toBe(`${BASE}/videos/video_123/content?variant=thumbnail`)
    expect(calls[0]?.headers.get('accept')).toBeNull()
  })

  it('passes a Range through, so a relay serves video seeks (206)', async () => {
    const { transport, calls } = setup(
      () => new Response('mp', { status: 206, headers: { 'content-range': 'bytes 0-1/3' } }),
    )
    const response = await transport.downloadContent('video_123', {}, { range: 'bytes=0-1' })
    expect(calls[0]?.headers.get('range')).toBe('bytes=0-1')
    expect(response.status).toBe(206)
    await transport.downloadContent('video_123')
    expect(calls[1]?.headers.get('range')).toBeNull()
  })

  it('sends no variant when none is asked for', async () => {
    const { transport, calls } = setup(() => new Response('mp4'))
    await transport.downloadContent('video_123', {})
    expect(calls[0]?.url).toBe(`${BASE}/videos/video_123/content`)
  })

  it('maps a non-2xx answer like the JSON endpoints', async () => {
    const envelope = {
      error: { message: 'Video is not ready', type: 'invalid_request_error', code: 'not_ready' },
    }
    const { transport } = setup(() => json(envelope, { status: 409 }))
    const error = await rejection(transport.downloadContent('video_123'))
    expect(error).toBeInstanceOf(VideoApiError)
    expect(error).toMatchObject({ status: 409, code: 'not_ready', message: 'Video is not ready' })
  })
})
