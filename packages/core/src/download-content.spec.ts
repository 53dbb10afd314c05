import { afterEach, describe, expect, it, vi } from 'vitest'
import { setup } from '../test/harness'
import { VideoClientError, VideoNetworkError, VideoValidationError } from './errors'

afterEach(() => {
  vi.useRealTimers()
})

describe('downloadContent', () => {
  it('returns the bytes as a Blob of the variant type', async () => {
    const { api, client } = setup()
    const { id } = api.jobs.complete(api.jobs.create({ prompt: 'x' }).id)
    const video = await client.downloadContent(id)
    const thumbnail = await client.downloadContent(id, { variant: 'thumbnail' })
    expect(video.type).toBe('video/mp4')
    expect(thumbnail.type).toBe('image/webp')
    expect(new TextDecoder().decode((await video.arrayBuffer()).slice(4, 8))).toBe('ftyp')
  })

  it('refuses a body whose content-type does not fit the variant', async () => {
    const { client, transport } = setup()
    vi.spyOn(transport, 'downloadContent').mockResolvedValue(
      new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } }),
    )
    await expect(client.downloadContent('video_1')).rejects.toThrow(VideoValidationError)
    vi.spyOn(transport, 'downloadContent').mockResolvedValue(
      new Response('{}', { headers: { 'content-type': 'application/json' } }),
    )
    await expect(client.downloadContent('video_1', { variant: 'thumbnail' })).rejects.toThrow(
      /expected image\/\*/,
    )
  })

  it('learns that a server serves the video for every variant, then refuses image variants unsent', async () => {
    const { client, transport } = setup()
    const download = vi
      .spyOn(transport, 'downloadContent')
      .mockResolvedValue(new Response('x', { headers: { 'content-type': 'video/mp4' } }))
    await expect(client.downloadContent('video_1', { variant: 'thumbnail' })).rejects.toThrow(
      /cannot serve a thumbnail \(it answered video\/mp4 to \?variant=thumbnail\), and later calls are refused/,
    )
    await expect(client.downloadContent('video_1', { variant: 'spritesheet' })).rejects.toThrow(
      /cannot serve a spritesheet .*so nothing was sent/,
    )
    expect(download).toHaveBeenCalledTimes(1)
    download.mockResolvedValue(new Response('x', { headers: { 'content-type': 'video/mp4' } }))
    await expect(client.downloadContent('video_1')).resolves.toBeInstanceOf(Blob)
  })

  it('refuses image variants unsent when declared unsupported', async () => {
    const { client, transport } = setup({ client: { capabilities: { contentVariants: false } } })
    const download = vi.spyOn(transport, 'downloadContent')
    await expect(client.downloadContent('video_1', { variant: 'thumbnail' })).rejects.toThrow(
      VideoClientError,
    )
    expect(download).not.toHaveBeenCalled()
  })

  it('maps a connection that breaks while the bytes arrive to a VideoNetworkError', async () => {
    const { client, transport } = setup()
    const broken = new ReadableStream({
      pull(controller) {
        controller.error(new TypeError('terminated'))
      },
    })
    vi.spyOn(transport, 'downloadContent').mockResolvedValue(
      new Response(broken, { headers: { 'content-type': 'video/mp4' } }),
    )
    await expect(client.downloadContent('video_1')).rejects.toBeInstanceOf(VideoNetworkError)
  })

  it('rejects with AbortError when aborted', async () => {
    const { api, client, advance } = setup({ mock: { latencyMs: 1_000 } })
    const { id } = api.jobs.complete(api.jobs.create({ prompt: 'x' }).id)
    const controller = new AbortController()
    const download = client.downloadContent(id, { signal: controller.signal }).catch((e: unknown) => e)
    await advance(10)
    controller.abort()
    expect(((await download) as Error).name).toBe('AbortError')
  })
})
