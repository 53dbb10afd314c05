import { describe, expect, it } from 'vitest'
import type { MockVideoApi } from '../mock-api'
import type { MockVideoApiOptions } from '../mock-options'
import { answer, jsonInit, profileApi } from '../../test/test-support'

const AZURE = 'https://my-resource.openai.azure.com/openai/v1'
const VERSION = '?api-version=preview'

const setup = (options: MockVideoApiOptions = {}): MockVideoApi =>
  profileApi('azure', { queueMs: 0, renderMs: 0, ...options })

async function create(api: MockVideoApi): Promise<string> {
  const response = await api.fetch(`${AZURE}/videos${VERSION}`, jsonInit({ prompt: 'p', model: 'sora-2' }))
  expect(response.status).toBe(200)
  return ((await response.json()) as { id: string }).id
}

describe('azure profile', () => {
  it("refuses every route without api-version, content included, in Azure's envelope", async () => {
    const api = setup()
    const id = await create(api)
    const missing = [
      400,
      { error: { code: 'BadRequest', message: 'Missing required query parameter: api-version' } },
    ]
    for (const path of [
      '/videos',
      `/videos/${id}`,
      `/videos/${id}/content`,
      `/videos/${id}/content?variant=thumbnail`,
    ]) {
      expect(await answer(await api.fetch(`${AZURE}${path}`))).toEqual(missing)
    }
    expect(await answer(await api.fetch(`${AZURE}/videos`, jsonInit({ prompt: 'p' })))).toEqual(missing)
    expect(await answer(await api.fetch(`${AZURE}/videos?api-version=someday`))).toEqual([
      400,
      { error: { code: 'BadRequest', message: 'API version not supported' } },
    ])
    for (const version of ['preview', 'latest', '2025-04-01-preview', '2024-10-21']) {
      expect((await api.fetch(`${AZURE}/videos?api-version=${version}`)).status).toBe(200)
    }
    expect(api.jobs.size).toBe(1)
  })

  it('serves OpenAI shapes otherwise: variants, list, delete', async () => {
    const api = setup()
    const id = await create(api)
    const thumbnail = await api.fetch(`${AZURE}/videos/${id}/content${VERSION}&variant=thumbnail`)
    expect(thumbnail.headers.get('content-type')).toBe('image/webp')
    expect((await answer(await api.fetch(`${AZURE}/videos${VERSION}`)))[1]).toMatchObject({
      object: 'list',
      first_id: id,
    })
    expect((await api.fetch(`${AZURE}/videos/${id}${VERSION}`, { method: 'DELETE' })).status).toBe(200)
  })

  it('authenticates with an api-key header or an Entra Bearer token', async () => {
    const api = setup({ apiKey: 'azure-key' })
    const statusWith = async (headers: Record<string, string>) =>
      (await api.fetch(`${AZURE}/videos${VERSION}`, { headers })).status
    expect(await statusWith({ 'api-key': 'azure-key' })).toBe(200)
    expect(await statusWith({ authorization: 'Bearer azure-key' })).toBe(200)
    const [status, body] = await answer(
      await api.fetch(`${AZURE}/videos${VERSION}`, { headers: { 'api-key': 'nope' } }),
    )
    expect(status).toBe(401)
    expect(body).toEqual({
      error: {
        code: '401',
        message: expect.stringMatching(/^Access denied due to invalid subscription key/),
      },
    })
  })

  it('answers 404 for a model with no deployment, as /openai/v1/videos does', async () => {
    const api = setup()
    const [status, body] = await answer(
      await api.fetch(`${AZURE}/videos${VERSION}`, jsonInit({ prompt: 'p', model: 'veo-3' })),
    )
    expect(status).toBe(404)
    expect(body).toEqual({
      error: {
        message: expect.stringMatching(/^The API deployment 'veo-3' for this resource does not exist/),
        type: 'video_generation_user_error',
        param: null,
        code: null,
      },
    })
    expect(api.jobs.size).toBe(0)
  })

  it("adds Azure's headers, and words a 429 as Azure does while keeping Retry-After", async () => {
    const api = setup()
    api.faults.next({ type: 'rate-limit', retryAfterMs: 2_000 })
    const limited = await api.fetch(`${AZURE}/videos${VERSION}`)
    expect(limited.headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(limited.headers.get('x-ms-region')).toBeTruthy()
    expect(limited.headers.get('retry-after')).toBe('2')
    const [status, body] = await answer(limited)
    expect(status).toBe(429)
    expect(body).toEqual({
      error: { code: '429', message: expect.stringContaining('Please retry after 2 seconds.') },
    })
  })
})
