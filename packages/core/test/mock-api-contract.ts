import type { MockProfileName, MockVideoApi } from '@vidjob/mock-api'
import { createMockVideoApi } from '@vidjob/mock-api'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VideoApiError, VideoClientError, VideoNetworkError, VideoValidationError } from '../src/errors'
import { DeletedVideoSchema, VideoListSchema, VideoSchema, type Video } from '../src/schema/video'
import { rejection } from './fetch-doubles'
import type { TransportResult, VideoTransport } from '../src/transport/types'

/**
 * The behaviour every transport must show against the in-process mock API, run once per transport so
 * `createFetchTransport` and `fromOpenAI` are held to the same round-trips and the same error mapping.
 */

/** The key the mock is created with. @example createFetchTransport({ baseURL, apiKey: MOCK_API_KEY, fetch: api.fetch }) */
export const MOCK_API_KEY = 'test-key'
/** The base URL to connect a transport to. @example createFetchTransport({ baseURL: MOCK_BASE_URL, fetch: api.fetch }) */
export const MOCK_BASE_URL = 'http://mock.local/v1'

const QUEUE_MS = 1_000
const RENDER_MS = 10_000

/**
 * A mock API with a manual clock, the {@link MOCK_API_KEY} and a poll hint, imitating `profile` (default
 * `'openai'`).
 *
 * @example const api = createContractMockApi(); api.advance(11_000)
 */
export function createContractMockApi(profile: MockProfileName = 'openai'): MockVideoApi {
  return createMockVideoApi({
    profile,
    clock: 'manual',
    apiKey: MOCK_API_KEY,
    pollAfterMs: 1_000,
    queueMs: QUEUE_MS,
    renderMs: RENDER_MS,
  })
}

const video = (result: TransportResult): Video => VideoSchema.parse(result.body)

/** The error codes that differ between the profiles the suite runs against (Azure's gateway words its own). */
const CODES: Partial<Record<MockProfileName, { rateLimit: string; unauthorized: string }>> = {
  openai: { rateLimit: 'rate_limit_exceeded', unauthorized: 'invalid_api_key' },
  azure: { rateLimit: '429', unauthorized: '401' },
}

/**
 * Declares the shared suite for one transport.
 *
 * @example
 * describeMockApiContract('createFetchTransport', (api, apiKey) =>
 *   createFetchTransport({ baseURL: MOCK_BASE_URL, apiKey, fetch: api.fetch }),
 * )
 */
export function describeMockApiContract(
  name: string,
  connect: (api: MockVideoApi, apiKey: string) => VideoTransport,
  profile: 'openai' | 'azure' = 'openai',
): void {
  const codes = CODES[profile]!
  describe(`${name} against @vidjob/mock-api${profile === 'openai' ? '' : ` (${profile} profile)`}`, () => {
    let api: MockVideoApi
    let transport: VideoTransport

    beforeEach(() => {
      api = createContractMockApi(profile)
      transport = connect(api, MOCK_API_KEY)
    })

    afterEach(() => {
      vi.useRealTimers()
    })

    it('creates a job and follows it to completion, with the poll hint and request id', async () => {
      const created = await transport.create({ prompt: 'A calico cat playing a piano', seconds: '8' })
      const job = video(created)
      expect(job).toMatchObject({ status: 'queued', prompt: 'A calico cat playing a piano', seconds: '8' })
      expect(created.pollAfterMs).toBe(1_000)
      expect(created.requestId).toMatch(/^req_\d+$/)

      api.advance(QUEUE_MS + RENDER_MS / 2)
      expect(video(await transport.retrieve(job.id))).toMatchObject({ status: 'in_progress' })

      api.advance(RENDER_MS)
      const done = await transport.retrieve(job.id)
      expect(video(done)).toMatchObject({ status: 'completed', progress: 100 })
      expect(done.pollAfterMs).toBeUndefined()
    })

    it('creates a job from an uploaded reference image', async () => {
      const file = new File([new Uint8Array([137, 80, 78, 71])], 'ref.png', { type: 'image/png' })
      const job = video(await transport.create({ prompt: 'Animate this', input_reference: file }))
      expect(job.status).toBe('queued')
    })

    it('pages through the list with after = last_id', async () => {
      for (const prompt of ['one', 'two', 'three']) await transport.create({ prompt })
      const first = VideoListSchema.parse((await transport.list({ limit: 2, order: 'asc' })).body)
      expect(first.data.map((v) => v.prompt)).toEqual(['one', 'two'])
      expect(first.has_more).toBe(true)
      const after = first.last_id ?? undefined
      const second = VideoListSchema.parse((await transport.list({ limit: 2, order: 'asc', after })).body)
      expect(second.data.map((v) => v.prompt)).toEqual(['three'])
      expect(second.has_more).toBe(false)
    })

    it('remixes a completed video, downloads its content and deletes it', async () => {
      const source = video(await transport.create({ prompt: 'Waves at dusk' }))
      api.advance(QUEUE_MS + RENDER_MS)

      const remix = video(await transport.remix(source.id, { prompt: 'Now at night' }))
      expect(remix).toMatchObject({ prompt: 'Now at night', remixed_from_video_id: source.id })

      const movie = await transport.downloadContent(source.id)
      expect(movie.headers.get('content-type')).toBe('video/mp4')
      const thumbnail = await transport.downloadContent(source.id, { variant: 'thumbnail' })
      expect(thumbnail.headers.get('content-type')).toMatch(/^image\//)
      expect((await thumbnail.arrayBuffer()).byteLength).toBeGreaterThan(0)

      const deleted = DeletedVideoSchema.parse((await transport.delete(source.id)).body)
      expect(deleted).toMatchObject({ id: source.id, deleted: true })
    })

    it('maps a 404 to VideoApiError with the envelope and request id', async () => {
      const error = await rejection(transport.retrieve('video_missing'))
      expect(error).toBeInstanceOf(VideoApiError)
      expect(error).toMatchObject({
        status: 404,
        code: 'video_not_found',
        requestId: expect.stringMatching(/^req_/),
      })
      expect(error.message).toMatch(/No video found with id 'video_missing'/)
    })

    it('keeps an id with "/", "?", "#" or ".." inside its path segment', async () => {
      for (const id of ['a/b', '../x', '?q', '#h']) {
        const error = await rejection(transport.retrieve(id))
        expect(error).toMatchObject({ status: 404, code: 'video_not_found' })
        expect(error.message).toContain(`'${id}'`)
      }
    })

    it('maps a 429 to VideoApiError with retryAfterMs', async () => {
      api.faults.next({ type: 'rate-limit', retryAfterMs: 2_000 })
      const error = await rejection(transport.list({}))
      expect(error).toBeInstanceOf(VideoApiError)
      expect(error).toMatchObject({ status: 429, code: codes.rateLimit, retryAfterMs: 2_000 })
    })

    it('maps an injected 500 to VideoApiError', async () => {
      api.faults.next({ type: 'error', status: 500 })
      expect(await rejection(transport.list({}))).toMatchObject({ name: 'VideoApiError', status: 500 })
    })

    it('maps a dropped connection to VideoNetworkError', async () => {
      api.faults.next({ type: 'drop' })
      const error = await rejection(transport.retrieve('video_123'))
      expect(error).toBeInstanceOf(VideoNetworkError)
      expect((error as VideoNetworkError).timedOut).toBe(false)
    })

    it('maps a malformed 200 body to VideoValidationError', async () => {
      api.faults.next({ type: 'malformed' })
      const error = await rejection(transport.list({}))
      expect(error).toBeInstanceOf(VideoValidationError)
      expect((error as VideoValidationError).body).toBe('{"object": "video", "id": "video_trunc')
    })

    it('maps a wrong key to a 401 VideoApiError that does not echo the key', async () => {
      const wrongKey = 'sk-wrong-0123456789'
      const error = await rejection(connect(api, wrongKey).list({}))
      expect(error).toMatchObject({ name: 'VideoApiError', status: 401, code: codes.unauthorized })
      expect(error.message).not.toContain(wrongKey)
    })

    it('sends nothing for a signal that is already aborted', async () => {
      const error = await rejection(transport.list({}, { signal: AbortSignal.abort() }))
      expect(error.name).toBe('AbortError')
      expect(api.log).toHaveLength(0)
    })

    it('rejects with AbortError when the caller aborts, and the server sees the abort', async () => {
      vi.useFakeTimers()
      api.faults.next({ type: 'latency', ms: 5_000 }, { endpoint: 'list' })
      const controller = new AbortController()
      const pending = rejection(transport.list({}, { signal: controller.signal }))
      await vi.advanceTimersByTimeAsync(1)
      expect(api.count({ endpoint: 'list' })).toBe(1)
      controller.abort()
      const error = await pending
      expect(error).not.toBeInstanceOf(VideoClientError)
      expect(error.name).toBe('AbortError')
      await vi.advanceTimersByTimeAsync(1)
      expect(api.log.at(-1)?.status).toBe('aborted')
    })
  })
}
