import { describe, expect, it } from 'vitest'
import type { MockVideoApi } from '../mock-api'
import type { MockVideoApiOptions } from '../mock-options'
import {
  answer,
  BASE_URL,
  formInit,
  jsonInit,
  okJson,
  profileApi,
  type WireVideo,
} from '../../test/test-support'

const setup = (options: MockVideoApiOptions = {}): MockVideoApi =>
  profileApi('vllm-omni', { queueMs: 1_000, renderMs: 10_000, ...options })

const create = (
  api: MockVideoApi,
  fields: Record<string, string> = { prompt: 'a calico cat' },
): Promise<WireVideo> => okJson(api.fetch(`${BASE_URL}/videos`, formInit(fields)))

const retrieve = (api: MockVideoApi, id: string): Promise<WireVideo> =>
  okJson(api.fetch(`${BASE_URL}/videos/${id}`))

describe('vllm-omni profile', () => {
  it('refuses a JSON create with FastAPI validation (422, detail list) and creates nothing', async () => {
    const api = setup()
    expect(await answer(await api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'p' })))).toEqual([
      422,
      { detail: [{ type: 'missing', loc: ['body', 'prompt'], msg: 'Field required', input: null }] },
    ])
    expect(api.jobs.size).toBe(0)
  })

  it('creates from a form: a video_gen_ id, the server model, and its extra fields', async () => {
    const api = setup()
    const video = await create(api, { prompt: 'p', seconds: '8' })
    expect(video).toMatchObject({
      id: expect.stringMatching(/^video_gen_[0-9a-f]{24}$/),
      object: 'video',
      status: 'queued',
      model: 'Wan-AI/Wan2.2-T2V-A14B-Diffusers',
      seconds: '8',
      progress: 0,
      quality: 'default',
      media_type: 'video/mp4',
      file_name: null,
      stage_durations: {},
      peak_memory_mb: 0,
    })
    expect(await retrieve(api, video.id)).toMatchObject({ id: video.id })
  })

  it('keeps progress at 0 while rendering and jumps to 100 on completion', async () => {
    const api = setup()
    const { id } = await create(api)
    api.advance(6_000)
    expect(await retrieve(api, id)).toMatchObject({ status: 'in_progress', progress: 0 })
    api.advance(5_000)
    expect(await retrieve(api, id)).toMatchObject({
      status: 'completed',
      progress: 100,
      file_name: `${id}.mp4`,
    })
  })

  it('reports a failure with a numeric error code (the HTTP status)', async () => {
    const api = setup({ failRate: 1 })
    const { id } = await create(api)
    api.advance(11_000)
    const failed = await retrieve(api, id)
    expect(failed).toMatchObject({ status: 'failed', progress: 0 })
    expect(failed.error).toEqual({ code: expect.any(Number), message: expect.any(String) })
    expect([400, 500]).toContain((failed.error as { code: number }).code)
  })

  it('pages like its list route: an unknown cursor is an empty page, a bad limit a 422 on the query', async () => {
    const api = setup()
    const { id } = await create(api)
    expect(await answer(await api.fetch(`${BASE_URL}/videos?after=video_gen_nope`))).toEqual([
      200,
      { object: 'list', data: [], first_id: null, last_id: null, has_more: false },
    ])
    const [status, body] = await answer(await api.fetch(`${BASE_URL}/videos?limit=101`))
    expect(status).toBe(422)
    expect(body).toMatchObject({ detail: [{ loc: ['query', 'limit'] }] })
    expect(((await answer(await api.fetch(`${BASE_URL}/videos`)))[1] as { first_id: string }).first_id).toBe(
      id,
    )
  })

  it('answers in FastAPI { detail } bodies: unknown id, no remix route, content not ready or failed', async () => {
    const api = setup({ failRate: 1 })
    expect(await answer(await api.fetch(`${BASE_URL}/videos/video_gen_nope`))).toEqual([
      404,
      { detail: 'Video not found' },
    ])
    const { id } = await create(api)
    expect(
      await answer(await api.fetch(`${BASE_URL}/videos/${id}/remix`, formInit({ prompt: 'x' }))),
    ).toEqual([404, { detail: 'Not Found' }])
    expect(await answer(await api.fetch(`${BASE_URL}/videos/${id}/content`))).toEqual([
      404,
      { detail: 'Generation is still in-progress' },
    ])
    api.advance(11_000)
    expect(await answer(await api.fetch(`${BASE_URL}/videos/${id}/content`))).toEqual([
      422,
      { detail: 'Video generation failed. Check job status for error details.' },
    ])
  })

  it('serves the video whatever variant is asked, and deletes', async () => {
    const api = setup({ queueMs: 0, renderMs: 0 })
    const { id } = await create(api)
    const content = await api.fetch(`${BASE_URL}/videos/${id}/content?variant=thumbnail`)
    expect(content.headers.get('content-type')).toBe('video/mp4')
    expect(await answer(await api.fetch(`${BASE_URL}/videos/${id}`, { method: 'DELETE' }))).toEqual([
      200,
      { id, object: 'video.deleted', deleted: true },
    ])
    expect(api.jobs.size).toBe(0)
  })

  it('takes only an exact \'Bearer <key>\' and answers {"error":"Unauthorized"}', async () => {
    const api = setup({ apiKey: 'token-abc' })
    const statusWith = async (authorization: string) =>
      (await api.fetch(`${BASE_URL}/videos`, { headers: { authorization } })).status
    expect(await statusWith('Bearer token-abc')).toBe(200)
    expect(await statusWith('bearer token-abc')).toBe(401)
    expect(await answer(await api.fetch(`${BASE_URL}/videos`))).toEqual([401, { error: 'Unauthorized' }])
  })

  it("seeds jobs with the server's own model", () => {
    expect(setup().jobs.create({ prompt: 'seeded' }).model).toBe('Wan-AI/Wan2.2-T2V-A14B-Diffusers')
  })
})
