import { describe, expect, it } from 'vitest'
import type { MockVideoApi } from '../mock-api'
import type { MockVideoApiOptions } from '../mock-options'
import { answer, BASE_URL, jsonInit, okJson, profileApi, type WireVideo } from '../../test/test-support'

const setup = (options: MockVideoApiOptions = {}): MockVideoApi =>
  profileApi('new-api', { queueMs: 2_000, renderMs: 20_000, ...options })

/** Created at 2026-01-01T00:00:00Z, a 15 s boundary: the gateway's first poll that sees a job is at +15 s. */
const create = (api: MockVideoApi): Promise<WireVideo> =>
  okJson(api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'a calico cat', size: '1280x720' })))

const retrieve = (api: MockVideoApi, id: string): Promise<WireVideo> =>
  okJson(api.fetch(`${BASE_URL}/videos/${id}`))

describe('new-api profile', () => {
  it('creates a queued task_ id, then reads unknown until its first poll, with fields left out', async () => {
    const api = setup()
    const created = await create(api)
    expect(created).toEqual({
      id: expect.stringMatching(/^task_[0-9a-f]{24}$/),
      task_id: created.id,
      object: 'video',
      model: 'sora-2',
      status: 'queued',
      progress: 0,
      created_at: api.now() / 1000,
    })
    api.advance(14_999)
    const early = await retrieve(api, created.id)
    expect(early).toMatchObject({
      id: created.id,
      status: 'unknown',
      progress: 0,
      completed_at: api.now() / 1000 - 14.999,
    })
    for (const missing of ['size', 'seconds', 'prompt', 'expires_at', 'error', 'remixed_from_video_id']) {
      expect(early).not.toHaveProperty(missing)
    }
  })

  it('answers as of its last 15 s poll, with coarse progress and completed_at set at every update', async () => {
    const api = setup()
    const { id } = await create(api)
    const start = api.now() / 1000
    api.advance(15_000)
    expect(await retrieve(api, id)).toMatchObject({
      status: 'in_progress',
      progress: 50,
      completed_at: start + 15,
    })
    api.advance(14_999) // the job completed at +22 s; the gateway has not polled since +15 s
    expect(await retrieve(api, id)).toMatchObject({
      status: 'in_progress',
      progress: 50,
      metadata: { url: '' },
    })
    api.advance(1)
    expect(await retrieve(api, id)).toMatchObject({
      status: 'completed',
      progress: 100,
      completed_at: start + 30,
      metadata: { url: `/v1/videos/${id}/content` },
    })
  })

  it('serves content only once its poll saw the job succeed, and only the video', async () => {
    const api = setup()
    const { id } = await create(api)
    api.advance(25_000)
    expect(await answer(await api.fetch(`${BASE_URL}/videos/${id}/content`))).toEqual([
      400,
      {
        error: {
          message: 'Task is not completed yet, current status: IN_PROGRESS',
          type: 'invalid_request_error',
        },
      },
    ])
    api.advance(5_000)
    const content = await api.fetch(`${BASE_URL}/videos/${id}/content?variant=spritesheet`)
    expect(content.status).toBe(200)
    expect(content.headers.get('content-type')).toBe('video/mp4')
  })

  it('reports a failure with the upstream code as a numeric string', async () => {
    const api = setup({ failRate: 1 })
    const { id } = await create(api)
    api.advance(30_000)
    const failed = await retrieve(api, id)
    expect(failed).toMatchObject({ status: 'failed', progress: 100 })
    expect([
      { message: 'internal error', code: '1000' },
      { message: 'video description contains sensitive content', code: '1026' },
    ]).toContainEqual(failed.error)
  })

  it('has no list and no delete: 404 Invalid URL, and the task stays', async () => {
    const api = setup()
    const { id } = await create(api)
    expect(await answer(await api.fetch(`${BASE_URL}/videos?limit=10`))).toEqual([
      404,
      {
        error: {
          message: 'Invalid URL (GET /v1/videos)',
          type: 'invalid_request_error',
          param: '',
          code: '',
        },
      },
    ])
    const deleted = await answer(await api.fetch(`${BASE_URL}/videos/${id}`, { method: 'DELETE' }))
    expect(deleted).toEqual([
      404,
      {
        error: {
          message: `Invalid URL (DELETE /v1/videos/${id})`,
          type: 'invalid_request_error',
          param: '',
          code: '',
        },
      },
    ])
    expect(api.jobs.size).toBe(1)
  })

  it('answers an unknown task with a 400 task error, an unknown download with 404', async () => {
    const api = setup()
    expect(await answer(await api.fetch(`${BASE_URL}/videos/task_nope`))).toEqual([
      400,
      { code: 'task_not_exist', message: 'task_not_exist', data: null },
    ])
    expect(await answer(await api.fetch(`${BASE_URL}/videos/task_nope/content`))).toEqual([
      404,
      { error: { message: 'Task not found', type: 'invalid_request_error' } },
    ])
  })

  it('loses Retry-After on a 429 and rewrites its message', async () => {
    const api = setup()
    api.faults.next({ type: 'rate-limit', retryAfterMs: 5_000 })
    const response = await api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'p' }))
    expect(response.headers.get('retry-after')).toBeNull()
    expect(await answer(response)).toEqual([
      429,
      { code: 'rate_limit', message: '当前分组上游负载已饱和，请稍后再试', data: null },
    ])
  })

  it('remixes into a new queued task', async () => {
    const api = setup({ queueMs: 0, renderMs: 0 })
    const { id } = await create(api)
    api.advance(15_000)
    const remix = await api.fetch(`${BASE_URL}/videos/${id}/remix`, jsonInit({ prompt: 'at night' }))
    expect(await remix.json()).toMatchObject({ id: expect.stringMatching(/^task_/), status: 'queued' })
  })

  it("refuses a missing or wrong token in new-api's words", async () => {
    const api = setup({ apiKey: 'sk-local' })
    expect(await answer(await api.fetch(`${BASE_URL}/videos/task_x`))).toEqual([
      401,
      { error: { message: '未提供令牌', type: 'new_api_error' } },
    ])
    const wrong = await api.fetch(`${BASE_URL}/videos/task_x`, {
      headers: { authorization: 'Bearer sk-other' },
    })
    expect(await answer(wrong)).toEqual([401, { error: { message: '无效的令牌', type: 'new_api_error' } }])
  })
})
