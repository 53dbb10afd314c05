import type { VideoTransport } from '@vidjob/core'
import { afterEach, describe, expect, it } from 'vitest'
import { relaySetup } from '../../test/relay-harness'

let h: ReturnType<typeof relaySetup>
afterEach(() => h.close())

/** An upstream whose content answers are whatever `answer` returns, recording the options it got. */
function contentDouble(answer: () => Response) {
  const calls: { range: string | undefined }[] = []
  const wrap = (transport: VideoTransport): VideoTransport => ({
    ...transport,
    async downloadContent(_id, _query, options) {
      calls.push({ range: options?.range })
      return answer()
    },
  })
  return { calls, wrap }
}

describe('GET /videos/{id}/content', () => {
  it('passes Range through and answers 206 with the range headers, and nothing else of the upstream', async () => {
    const double = contentDouble(
      () =>
        new Response('0123', {
          status: 206,
          headers: {
            'content-type': 'video/mp4',
            'content-range': 'bytes 0-3/1000',
            'accept-ranges': 'bytes',
            'content-length': '4',
            'set-cookie': 'upstream=1',
            'access-control-allow-origin': '*',
            'x-internal-host': 'gpu-17',
          },
        }),
    )
    h = relaySetup({ wrapUpstream: double.wrap })
    const { id } = await h.as('ann').create()
    const response = await h.as('ann').get(`/videos/${id}/content`, { headers: { range: 'bytes=0-3' } })
    expect(double.calls).toEqual([{ range: 'bytes=0-3' }])
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe('bytes 0-3/1000')
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    for (const name of ['set-cookie', 'access-control-allow-origin', 'x-internal-host'])
      expect(response.headers.get(name)).toBeNull()
    expect(await response.text()).toBe('0123')
  })

  it('streams the body as it comes, never waiting for the whole of it', async () => {
    let push: ((chunk: Uint8Array) => void) | undefined
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (push = (chunk) => c.enqueue(chunk)) })
    const double = contentDouble(() => new Response(body, { headers: { 'content-type': 'video/mp4' } }))
    h = relaySetup({ wrapUpstream: double.wrap })
    const { id } = await h.as('ann').create()
    push!(new Uint8Array([1, 2, 3]))
    const response = await h.as('ann').get(`/videos/${id}/content`)
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    // The upstream has not ended its body, yet the first bytes are here.
    expect((await reader.read()).value).toEqual(new Uint8Array([1, 2, 3]))
    await reader.cancel()
  })

  it('refuses media of the wrong type (an HTML page, an SVG) with 502', async () => {
    let type = 'text/html'
    const double = contentDouble(
      () => new Response('<script>x</script>', { headers: { 'content-type': type } }),
    )
    h = relaySetup({ wrapUpstream: double.wrap })
    const { id } = await h.as('ann').create()
    expect((await h.as('ann').get(`/videos/${id}/content`)).status).toBe(502)
    type = 'image/svg+xml'
    expect((await h.as('ann').get(`/videos/${id}/content?variant=thumbnail`)).status).toBe(502)
    type = 'image/webp'
    expect((await h.as('ann').get(`/videos/${id}/content?variant=thumbnail`)).status).toBe(200)
    expect((await h.as('ann').get(`/videos/${id}/content?variant=poster`)).status).toBe(400)
  })
})
