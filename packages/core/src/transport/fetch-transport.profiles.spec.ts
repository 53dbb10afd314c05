import { createMockVideoApi, type MockProfileName, type MockVideoApi } from '@vidjob/mock-api'
import { describe, expect, it } from 'vitest'
import { VideoSchema } from '../schema/video'
import { createFetchTransport, type FetchTransportOptions } from './fetch-transport'
import { rejection } from '../../test/fetch-doubles'

/**
 * The gateway options against the mock's server profiles: what each compatible server needs declared,
 * and how its error bodies read.
 */

const KEY = 'profile-key-0123'
const AZURE = 'https://my-resource.openai.azure.com/openai/v1'
const BASE = 'http://mock.local/v1'

function connect(
  profile: MockProfileName,
  options: Partial<FetchTransportOptions> = {},
): { api: MockVideoApi; transport: ReturnType<typeof createFetchTransport> } {
  const api = createMockVideoApi({ profile, clock: 'manual', apiKey: KEY, queueMs: 0, renderMs: 1_000 })
  const baseURL = profile === 'azure' ? AZURE : BASE
  return { api, transport: createFetchTransport({ baseURL, apiKey: KEY, fetch: api.fetch, ...options }) }
}

describe('azure', () => {
  it("is refused without defaultQuery: Azure's 400 names api-version", async () => {
    const { transport } = connect('azure')
    expect(await rejection(transport.list({}))).toMatchObject({
      name: 'VideoApiError',
      status: 400,
      code: 'BadRequest',
      message: 'Missing required query parameter: api-version',
    })
  })

  it("works end to end with defaultQuery { 'api-version' } and the api-key header, content included", async () => {
    const { api, transport } = connect('azure', {
      apiKey: undefined,
      headers: { 'api-key': KEY },
      defaultQuery: { 'api-version': 'preview' },
    })
    const created = VideoSchema.parse((await transport.create({ prompt: 'A fox', model: 'sora-2' })).body)
    api.advance(1_000)
    expect(VideoSchema.parse((await transport.retrieve(created.id)).body).status).toBe('completed')
    const thumbnail = await transport.downloadContent(created.id, { variant: 'thumbnail' })
    expect(thumbnail.headers.get('content-type')).toBe('image/webp')
    expect(api.log.every((entry) => entry.query['api-version'] === 'preview')).toBe(true)
    expect(api.log.at(-1)?.query).toEqual({ 'api-version': 'preview', variant: 'thumbnail' })
  })
})

describe('vllm-omni', () => {
  it("gets FastAPI's message for a JSON create when JSON is forced", async () => {
    const { api, transport } = connect('vllm-omni', { createEncoding: 'json' })
    expect(await rejection(transport.create({ prompt: 'A fox' }))).toMatchObject({
      name: 'VideoApiError',
      status: 422,
      message: 'body.prompt: Field required',
      param: 'prompt',
    })
    expect(api.count({ endpoint: 'create' })).toBe(1)
  })

  it("creates with 'auto': one refused JSON create, then multipart for good", async () => {
    const { api, transport } = connect('vllm-omni')
    const first = VideoSchema.parse((await transport.create({ prompt: 'A fox', seconds: '4' })).body)
    expect(first).toMatchObject({ prompt: 'A fox', seconds: '4' })
    expect(api.log.map((entry) => entry.status)).toEqual([422, 200])
    await transport.create({ prompt: 'A hen' })
    expect(api.count({ endpoint: 'create' })).toBe(3)
    expect(api.jobs.size).toBe(2)
  })

  it("creates with 'multipart' in one request, an image reference as bracketed fields", async () => {
    const { api, transport } = connect('vllm-omni', { createEncoding: 'multipart' })
    const reference = { image_url: 'https://img.test/ref.png' }
    await transport.create({ prompt: 'A fox', input_reference: reference })
    expect(api.log.map((entry) => entry.status)).toEqual([200])
  })

  it('reads { detail } errors: an unknown id', async () => {
    const { transport } = connect('vllm-omni')
    expect(await rejection(transport.retrieve('video_gen_missing'))).toMatchObject({
      status: 404,
      message: 'Video not found',
    })
  })
})

describe('litellm', () => {
  it("reads its envelope, whose code is the status as a string, and Starlette's { detail }", async () => {
    const { transport } = connect('litellm')
    expect(await rejection(transport.retrieve('video_missing'))).toMatchObject({
      status: 404,
      code: '404',
      message: expect.stringMatching(/^litellm\.NotFoundError: /),
    })
    expect(await rejection(transport.delete('video_missing'))).toMatchObject({
      status: 405,
      message: 'Method Not Allowed',
    })
  })
})

describe('new-api', () => {
  it('reads its envelope and its { code, message, data } task body', async () => {
    const { transport } = connect('new-api')
    expect(await rejection(transport.list({}))).toMatchObject({
      status: 404,
      message: 'Invalid URL (GET /v1/videos)',
      type: 'invalid_request_error',
    })
    expect(await rejection(transport.retrieve('task_missing'))).toMatchObject({
      status: 400,
      message: 'task_not_exist',
      code: 'task_not_exist',
    })
    const wrongKey = createFetchTransport({
      baseURL: BASE,
      apiKey: 'nope',
      fetch: connect('new-api').api.fetch,
    })
    expect(await rejection(wrongKey.list({}))).toMatchObject({ status: 401, message: '无效的令牌' })
  })
})
