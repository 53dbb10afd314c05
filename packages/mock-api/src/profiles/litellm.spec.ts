import { describe, expect, it } from 'vitest'
import type { MockVideoApi } from '../mock-api'
import type { MockVideoApiOptions } from '../mock-options'
import { answer, BASE_URL, jsonInit, okJson, profileApi, type WireVideo } from '../../test/test-support'
import { litellmVideoId } from './litellm'

const setup = (options: MockVideoApiOptions = {}): MockVideoApi =>
  profileApi('litellm', { queueMs: 1_000, renderMs: 10_000, ...options })

const create = (api: MockVideoApi): Promise<WireVideo> =>
  okJson(api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'a calico cat' })))

/** What LiteLLM encoded in one of its ids. */
const decoded = (id: string): string => atob(id.slice('video_'.length))

const retrieve = (api: MockVideoApi, id: string): Promise<WireVideo> =>
  okJson(api.fetch(`${BASE_URL}/videos/${encodeURIComponent(id)}`))

describe('litellm profile', () => {
  it('answers create with a managed id, status processing and nulls where Veo says nothing', async () => {
    const api = setup()
    const video = await create(api)
    expect(decoded(video.id)).toMatch(
      /^litellm:custom_llm_provider:gemini;model_id:veo-3\.0-generate-preview;video_id:models\/veo-3\.0-generate-preview\/operations\/[0-9a-f]{24}$/,
    )
    expect(video).toEqual({
      id: video.id,
      object: 'video',
      status: 'processing',
      created_at: null,
      completed_at: null,
      expires_at: null,
      error: null,
      progress: null,
      remixed_from_video_id: null,
      seconds: null,
      size: null,
      model: 'veo-3.0-generate-preview',
      usage: { duration_seconds: 8 },
    })
  })

  it('re-encodes the id on the status route (empty model_id), and takes either id back', async () => {
    const api = setup()
    const created = await create(api)
    const status = await retrieve(api, created.id)
    expect(status.id).not.toBe(created.id)
    expect(decoded(status.id)).toContain(';model_id:;video_id:models/')
    expect(await retrieve(api, status.id)).toEqual(status)
    const [job] = api.jobs.all()
    expect(created.id).toBe(litellmVideoId(job!.id, job!.model, job!.model))
    expect(api.log.at(-1)).toMatchObject({ id: job!.id, wireId: status.id })
    expect(api.count({ id: created.id })).toBe(1)
    expect(api.count({ id: job!.id })).toBe(2)
  })

  it('says processing until done, then completed with nothing else (model, progress, times null)', async () => {
    const api = setup()
    const { id } = await create(api)
    api.advance(5_000)
    expect(await retrieve(api, id)).toMatchObject({ status: 'processing', progress: null, model: null })
    api.advance(6_000)
    expect(await retrieve(api, id)).toMatchObject({ status: 'completed', progress: null, completed_at: null })
  })

  it("reports a failed operation as completed, whose download then fails (Veo's done flag)", async () => {
    const api = setup({ failRate: 1 })
    const { id } = await create(api)
    api.advance(20_000)
    expect((await retrieve(api, id)).status).toBe('completed')
    expect(await answer(await api.fetch(`${BASE_URL}/videos/${encodeURIComponent(id)}/content`))).toEqual([
      500,
      {
        error: {
          message: 'litellm.APIConnectionError: No response data in completed operation',
          type: null,
          param: null,
          code: '500',
        },
      },
    ])
  })

  it('serves the video whatever variant is asked, as an attachment; 500 before it is done', async () => {
    const api = setup()
    const { id } = await create(api)
    const path = `${BASE_URL}/videos/${encodeURIComponent(id)}/content?variant=thumbnail`
    const early = await answer(await api.fetch(path))
    expect(early[0]).toBe(500)
    expect(JSON.stringify(early[1])).toContain('Video generation is not complete yet')
    api.advance(11_000)
    const content = await api.fetch(path)
    expect(content.headers.get('content-type')).toBe('video/mp4')
    expect(content.headers.get('content-disposition')).toBe(`attachment; filename=video_${id}.mp4`)
  })

  it('has no list (500 from Veo), no delete (405, the job stays) and no remix (500)', async () => {
    const api = setup({ queueMs: 0, renderMs: 0 })
    const { id } = await create(api)
    const [listStatus, listBody] = await answer(await api.fetch(`${BASE_URL}/videos`))
    expect(listStatus).toBe(500)
    expect(listBody).toMatchObject({
      error: {
        code: '500',
        message: expect.stringMatching(
          /^litellm\.APIConnectionError: Video list is not supported by Google Veo/,
        ),
      },
    })
    const deleted = await api.fetch(`${BASE_URL}/videos/${encodeURIComponent(id)}`, { method: 'DELETE' })
    expect(deleted.headers.get('allow')).toBe('GET')
    expect(await answer(deleted)).toEqual([405, { detail: 'Method Not Allowed' }])
    expect(api.jobs.size).toBe(1)
    const remix = await api.fetch(
      `${BASE_URL}/videos/${encodeURIComponent(id)}/remix`,
      jsonInit({ prompt: 'again' }),
    )
    expect(remix.status).toBe(500)
    expect(api.jobs.size).toBe(1)
  })

  it("words errors LiteLLM's way: the exception class in the message, the status as a string code", async () => {
    const api = setup()
    expect(await answer(await api.fetch(`${BASE_URL}/videos/video_nope`))).toEqual([
      404,
      {
        error: {
          message: 'litellm.NotFoundError: GeminiException - Requested entity was not found.',
          type: null,
          param: null,
          code: '404',
        },
      },
    ])
    api.faults.next({ type: 'error', status: 503 })
    const [status, body] = await answer(await api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'p' })))
    expect(status).toBe(503)
    expect(body).toMatchObject({
      error: { code: '503', message: expect.stringMatching(/^litellm\.ServiceUnavailableError: /) },
    })
  })

  it('takes the key as a Bearer token or x-litellm-api-key, and answers auth_error otherwise', async () => {
    const api = setup({ apiKey: 'sk-1234' })
    const statusWith = async (headers: Record<string, string>) =>
      (await api.fetch(`${BASE_URL}/videos/x`, { headers })).status
    expect(await statusWith({ authorization: 'Bearer sk-1234' })).toBe(404)
    expect(await statusWith({ 'x-litellm-api-key': 'sk-1234' })).toBe(404)
    expect(await answer(await api.fetch(`${BASE_URL}/videos/x`))).toEqual([
      401,
      {
        error: {
          message: 'Authentication Error, No api key passed in.',
          type: 'auth_error',
          param: 'None',
          code: '401',
        },
      },
    ])
    expect(await statusWith({ 'x-litellm-api-key': 'sk-other' })).toBe(401)
  })

  it('declares what it lacks', () => {
    expect(setup().profile).toMatchObject({
      name: 'litellm',
      list: false,
      delete: false,
      remix: false,
      contentVariants: false,
      stableIds: false,
      statuses: ['processing', 'completed'],
    })
  })
})
