import { describe, expect, it } from 'vitest'
import type { MockVideo } from './job-lifecycle'
import type { MockDeletedVideo } from './handlers'
import {
  BASE_URL,
  createVideo,
  expectError,
  jsonInit,
  list,
  manualApi,
  mp4Info,
  webpSize,
} from '../test/test-support'

describe('DELETE /videos/{id}', () => {
  it('deletes, then every endpoint treats the id as unknown', async () => {
    const api = manualApi({ queueMs: 0, renderMs: 0 })
    const { id } = await createVideo(api)
    const response = await api.fetch(`${BASE_URL}/videos/${id}`, { method: 'DELETE' })
    expect(response.status).toBe(200)
    expect((await response.json()) as MockDeletedVideo).toEqual({
      id,
      object: 'video.deleted',
      deleted: true,
    })

    await expectError(await api.fetch(`${BASE_URL}/videos/${id}`), 404, { code: 'video_not_found' })
    await expectError(await api.fetch(`${BASE_URL}/videos/${id}/content`), 404, { code: 'video_not_found' })
    await expectError(await api.fetch(`${BASE_URL}/videos/${id}/remix`, jsonInit({ prompt: 'p' })), 404, {
      code: 'video_not_found',
    })
    await expectError(await api.fetch(`${BASE_URL}/videos/${id}`, { method: 'DELETE' }), 404, {
      code: 'video_not_found',
    })
    expect((await list(api)).data).toEqual([])
    expect(api.jobs.get(id)).toBeUndefined()
  })
})

describe('POST /videos/{id}/remix', () => {
  it('answers 404 for an unknown source and 400 video_not_ready for an unfinished one', async () => {
    const api = manualApi()
    await expectError(await api.fetch(`${BASE_URL}/videos/video_x/remix`, jsonInit({ prompt: 'p' })), 404, {
      code: 'video_not_found',
    })
    const { id } = await createVideo(api)
    const error = await expectError(
      await api.fetch(`${BASE_URL}/videos/${id}/remix`, jsonInit({ prompt: 'p' })),
      400,
      {
        code: 'video_not_ready',
      },
    )
    expect(error.message).toMatch(/queued.*completed/)
    expect(api.jobs.size).toBe(1)
  })

  it("creates a queued job from a completed source, keeping the source's model, size and seconds", async () => {
    const api = manualApi()
    const source = await createVideo(api, {
      prompt: 'a cat',
      model: 'sora-2-pro',
      size: '1280x720',
      seconds: '8',
    })
    api.jobs.complete(source.id)
    const response = await api.fetch(
      `${BASE_URL}/videos/${source.id}/remix`,
      jsonInit({ prompt: 'at night' }),
    )
    expect(response.status).toBe(200)
    const remix = (await response.json()) as MockVideo
    expect(remix).toMatchObject({
      status: 'queued',
      progress: 0,
      prompt: 'at night',
      model: 'sora-2-pro',
      size: '1280x720',
      seconds: '8',
      remixed_from_video_id: source.id,
    })
    expect(remix.id).not.toBe(source.id)
  })

  it('accepts a multipart prompt and refuses a missing one', async () => {
    const api = manualApi()
    const source = api.jobs.create({ prompt: 'a cat', outcome: 'completed', queueMs: 0, renderMs: 0 })
    const form = new FormData()
    form.set('prompt', 'in the rain')
    const response = await api.fetch(`${BASE_URL}/videos/${source.id}/remix`, { method: 'POST', body: form })
    expect(await response.json()).toMatchObject({ prompt: 'in the rain', remixed_from_video_id: source.id })
    await expectError(await api.fetch(`${BASE_URL}/videos/${source.id}/remix`, jsonInit({})), 400, {
      param: 'prompt',
    })
  })
})

describe('GET /videos/{id}/content', () => {
  const ascii = (bytes: Uint8Array, from: number, to: number) =>
    String.fromCharCode(...bytes.subarray(from, to))

  it('answers 400 video_not_ready before completion and 400 param variant for other variants', async () => {
    const api = manualApi()
    const { id } = await createVideo(api)
    await expectError(await api.fetch(`${BASE_URL}/videos/${id}/content`), 400, { code: 'video_not_ready' })
    await expectError(await api.fetch(`${BASE_URL}/videos/${id}/content?variant=gif`), 400, {
      param: 'variant',
    })
    await expectError(await api.fetch(`${BASE_URL}/videos/video_x/content`), 404, { code: 'video_not_found' })
  })

  it('serves no variant and allows no remix while in_progress or once failed', async () => {
    const api = manualApi({ queueMs: 0, renderMs: 10_000 })
    const running = await createVideo(api)
    const failed = api.jobs.create({ prompt: 'p', queueMs: 0, renderMs: 0, outcome: { failAtProgress: 0 } })
    api.advance(5_000)
    const cases = [
      [running.id, 'in_progress'],
      [failed.id, 'failed'],
    ] as const
    for (const [id, status] of cases) {
      expect(api.jobs.get(id)?.status).toBe(status)
      for (const variant of ['video', 'thumbnail', 'spritesheet']) {
        const response = await api.fetch(`${BASE_URL}/videos/${id}/content?variant=${variant}`)
        await expectError(response, 400, { code: 'video_not_ready' })
      }
      const remix = await api.fetch(`${BASE_URL}/videos/${id}/remix`, jsonInit({ prompt: 'again' }))
      expect((await expectError(remix, 400, { code: 'video_not_ready' })).message).toContain(status)
    }
    expect(api.jobs.size).toBe(2)
  })

  it('serves a real MP4 by default and real WebP images for thumbnail and spritesheet', async () => {
    const api = manualApi({ queueMs: 0, renderMs: 0 })
    const { id } = await createVideo(api)
    const video = await api.fetch(`${BASE_URL}/videos/${id}/content`)
    expect(video.status).toBe(200)
    expect(video.headers.get('content-type')).toBe('video/mp4')
    const mp4 = new Uint8Array(await video.arrayBuffer())
    expect(ascii(mp4, 4, 8)).toBe('ftyp')
    expect(Number(video.headers.get('content-length'))).toBe(mp4.byteLength)
    expect(mp4.byteLength).toBeLessThan(20_000)

    for (const variant of ['thumbnail', 'spritesheet']) {
      const image = await api.fetch(`${BASE_URL}/videos/${id}/content?variant=${variant}`)
      expect(image.headers.get('content-type')).toBe('image/webp')
      const webp = new Uint8Array(await image.arrayBuffer())
      expect([ascii(webp, 0, 4), ascii(webp, 8, 12)]).toEqual(['RIFF', 'WEBP'])
    }
    const explicit = await api.fetch(`${BASE_URL}/videos/${id}/content?variant=video`)
    expect(explicit.headers.get('content-type')).toBe('video/mp4')
  })
})

describe('content that fits the job', () => {
  it('serves a clip whose MP4 duration and orientation match the job, and thumbnails of the same frame', async () => {
    const api = manualApi({ queueMs: 0, renderMs: 0 })
    const cases = [
      { size: '720x1280', seconds: '4', expected: { seconds: 4, width: 72, height: 128 } },
      { size: '1280x720', seconds: '8', expected: { seconds: 8, width: 128, height: 72 } },
      { size: '1920x1080', seconds: '12', expected: { seconds: 12, width: 128, height: 72 } },
      { size: '1024x1792', seconds: '16', expected: { seconds: 12, width: 72, height: 128 } },
    ]
    for (const { size, seconds, expected } of cases) {
      const { id } = await createVideo(api, { prompt: 'p', size, seconds })
      const video = await api.fetch(`${BASE_URL}/videos/${id}/content`)
      expect(mp4Info(new Uint8Array(await video.arrayBuffer()))).toEqual(expected)
      const thumbnail = await api.fetch(`${BASE_URL}/videos/${id}/content?variant=thumbnail`)
      expect(webpSize(new Uint8Array(await thumbnail.arrayBuffer()))).toEqual([
        expected.width,
        expected.height,
      ])
    }
  })
})

describe('openai-poll-after-ms', () => {
  it('is sent only on answers about unfinished jobs, when configured', async () => {
    const api = manualApi({ pollAfterMs: 1_500, queueMs: 0, renderMs: 1_000 })
    const { id } = await createVideo(api)
    const running = await api.fetch(`${BASE_URL}/videos/${id}`)
    expect(running.headers.get('openai-poll-after-ms')).toBe('1500')
    expect((await api.fetch(`${BASE_URL}/videos`)).headers.get('openai-poll-after-ms')).toBe('1500')
    api.advance(1_000)
    expect((await api.fetch(`${BASE_URL}/videos/${id}`)).headers.get('openai-poll-after-ms')).toBeNull()
    expect((await api.fetch(`${BASE_URL}/videos`)).headers.get('openai-poll-after-ms')).toBeNull()

    const unset = manualApi()
    const other = await createVideo(unset)
    expect(
      (await unset.fetch(`${BASE_URL}/videos/${other.id}`)).headers.get('openai-poll-after-ms'),
    ).toBeNull()
  })
})
