import { describe, expect, it } from 'vitest'
import { createFetchTransport } from './fetch-transport'
import { jsonResponse, listFixture, recordingFetch, videoFixture } from '../../test/fetch-doubles'
import type { VideoTransport } from './types'

const BASE = 'https://videos.example.com/v1'
const KEY = 'sk-secret-should-never-leak'

/** Calls every method of a transport with `id`, as an app would. */
async function callEverything(transport: VideoTransport, id: string): Promise<void> {
  await transport.retrieve(id)
  await transport.list({ limit: 10, order: 'asc', after: id })
  await transport.create({ prompt: 'p' })
  await transport.remix(id, { prompt: 'p' })
  await transport.delete(id)
  await transport.downloadContent(id, { variant: 'thumbnail' })
}

describe('security of the fetch transport', () => {
  it('sends every request, content downloads included, to the baseURL origin only, with the key', async () => {
    const { fetch, calls } = recordingFetch((call) =>
      call.url.includes('/content')
        ? new Response('x', { headers: { 'content-type': 'image/webp' } })
        : jsonResponse(call.url.endsWith('/videos') && call.method === 'GET' ? listFixture : videoFixture),
    )
    await callEverything(createFetchTransport({ baseURL: BASE, apiKey: KEY, fetch }), 'video_123')
    expect(calls).toHaveLength(6)
    for (const call of calls) {
      expect(new URL(call.url).origin).toBe('https://videos.example.com')
      expect(new URL(call.url).pathname.startsWith('/v1/videos')).toBe(true)
      expect(call.headers.get('authorization')).toBe(`Bearer ${KEY}`)
    }
  })

  it.each(['../../admin', 'a/b', '%2e%2e', 'x?limit=1000', 'x#frag', '..%2F..'])(
    'keeps the id %j inside its one path segment everywhere',
    async (id) => {
      const { fetch, calls } = recordingFetch((call) =>
        call.url.includes('/content')
          ? new Response('x', { headers: { 'content-type': 'image/webp' } })
          : jsonResponse(call.method === 'GET' && call.url.includes('/videos?') ? listFixture : videoFixture),
      )
      await callEverything(createFetchTransport({ baseURL: BASE, fetch }), id)
      const withId = calls.filter((call) => new URL(call.url).pathname.split('/').length > 3)
      expect(withId).toHaveLength(4)
      for (const call of withId) {
        const url = new URL(call.url)
        const segment = url.pathname.split('/')[3] as string
        expect(decodeURIComponent(segment)).toBe(id)
        expect(url.pathname).toMatch(/^\/v1\/videos\/[^/]+(\/(content|remix))?$/)
        expect(url.search).not.toContain('limit=1000')
      }
    },
  )

  it('never puts the prompt in a URL', async () => {
    const { fetch, calls } = recordingFetch(() => jsonResponse(videoFixture))
    const transport = createFetchTransport({ baseURL: BASE, fetch })
    await transport.create({ prompt: 'secret plot of my film' })
    await transport.remix('video_123', { prompt: 'secret sequel' })
    for (const call of calls) expect(call.url).not.toMatch(/secret/)
  })
})
