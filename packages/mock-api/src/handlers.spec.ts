import { describe, expect, it } from 'vitest'
import { MOCK_FAILURES } from './failures'
import type { MockVideoApi } from './mock-api'
import { BASE_URL, createVideo, expectError, jsonInit, list, manualApi, retrieve } from '../test/test-support'

describe('job lifecycle over HTTP (manual clock)', () => {
  it('goes queued → in_progress (rising) → completed at exactly queueMs + renderMs', async () => {
    const api = manualApi({ queueMs: 2_000, renderMs: 20_000 })
    const created = await createVideo(api)
    expect(created).toMatchObject({ status: 'queued', progress: 0, completed_at: null, expires_at: null })
    expect(created.created_at).toBe(Math.floor(api.now() / 1000))

    api.advance(1_999)
    expect(await retrieve(api, created.id)).toMatchObject({ status: 'queued', progress: 0 })
    api.advance(1)
    expect(await retrieve(api, created.id)).toMatchObject({ status: 'in_progress', progress: 0 })
    api.advance(10_000)
    expect(await retrieve(api, created.id)).toMatchObject({ status: 'in_progress', progress: 49 })
    api.advance(9_999)
    expect(await retrieve(api, created.id)).toMatchObject({ status: 'in_progress', progress: 98 })
    api.advance(1)
    const done = await retrieve(api, created.id)
    expect(done).toMatchObject({ status: 'completed', progress: 100, error: null })
    expect(done.completed_at).toBe(Math.floor(api.now() / 1000))
    expect(done.expires_at).toBe(Math.floor(api.now() / 1000) + 86_400)
  })

  it('ends failed with an error when failRate is 1', async () => {
    const api = manualApi({ failRate: 1 })
    const { id } = await createVideo(api)
    api.advance(22_000)
    const failed = await retrieve(api, id)
    expect(failed.status).toBe('failed')
    expect(failed.progress).toBeGreaterThanOrEqual(10)
    expect(failed.progress).toBeLessThanOrEqual(90)
    // A service's wording, not the mock's: a moderation block or an internal error.
    expect([MOCK_FAILURES.moderation, MOCK_FAILURES.internal]).toContainEqual(failed.error)
    expect(failed.completed_at).not.toBeNull()
  })

  it('is reproducible from the seed', async () => {
    const outcomes = async (seed: number) => {
      const api = manualApi({ failRate: 0.5, seed })
      const ids = []
      for (let i = 0; i < 8; i++) ids.push((await createVideo(api)).id)
      api.advance(22_000)
      return Promise.all(ids.map(async (id) => [id, (await retrieve(api, id)).status]))
    }
    const first = await outcomes(3)
    expect(await outcomes(3)).toEqual(first)
    expect(new Set(first.map(([, status]) => status))).toEqual(new Set(['completed', 'failed']))
  })
})

describe('POST /videos', () => {
  it('creates from JSON with defaults or the given model, size and seconds', async () => {
    const api = manualApi()
    expect(await createVideo(api, { prompt: 'a cat' })).toMatchObject({
      object: 'video',
      model: 'sora-2',
      size: '720x1280',
      seconds: '4',
      prompt: 'a cat',
      remixed_from_video_id: null,
    })
    const custom = await createVideo(api, {
      prompt: 'p',
      model: 'sora-2-pro',
      size: '1920x1080',
      seconds: '16',
    })
    expect(custom).toMatchObject({ model: 'sora-2-pro', size: '1920x1080', seconds: '16' })
    expect(custom.id).toMatch(/^video_[0-9a-f]{24}$/)
  })

  it('creates from multipart with a file or a JSON reference', async () => {
    const api = manualApi()
    const form = new FormData()
    form.set('prompt', 'from a picture')
    form.set('seconds', '8')
    form.set('input_reference', new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }), 'ref.png')
    const response = await api.fetch(`${BASE_URL}/videos`, { method: 'POST', body: form })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ prompt: 'from a picture', seconds: '8', status: 'queued' })

    const byId = new FormData()
    byId.set('prompt', 'p')
    byId.set('input_reference', JSON.stringify({ file_id: 'file-123' }))
    expect((await api.fetch(`${BASE_URL}/videos`, { method: 'POST', body: byId })).status).toBe(200)
    expect(api.jobs.size).toBe(2)
  })

  it('checks an input_reference sent as input_reference[member] parts, as the openai SDK sends it', async () => {
    const api = manualApi()
    const create = (reference: Record<string, string>) => {
      const form = new FormData()
      form.set('prompt', 'p')
      for (const [member, value] of Object.entries(reference)) form.set(`input_reference[${member}]`, value)
      return api.fetch(`${BASE_URL}/videos`, { method: 'POST', body: form })
    }
    expect((await create({ file_id: 'file-123' })).status).toBe(200)
    await expectError(await create({ file_id: 'file-123', image_url: 'https://example.com/a.png' }), 400, {
      param: 'input_reference',
      code: 'invalid_value',
    })
    await expectError(await create({ image_url: 'a.png' }), 400, { param: 'input_reference' })
    expect(api.jobs.size).toBe(1)
  })

  it('answers 400 naming the field for invalid params, creating nothing', async () => {
    const api = manualApi()
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'prompt'],
      [{ prompt: '' }, 'prompt'],
      [{ prompt: 'x'.repeat(32_001) }, 'prompt'],
      [{ prompt: 'p', model: 7 }, 'model'],
      [{ prompt: 'p', size: 'huge' }, 'size'],
      [{ prompt: 'p', seconds: 'four' }, 'seconds'],
      [{ prompt: 'p', input_reference: { image_url: 'a', file_id: 'b' } }, 'input_reference'],
    ]
    for (const [body, param] of cases) {
      await expectError(await api.fetch(`${BASE_URL}/videos`, jsonInit(body)), 400, {
        param,
        code: 'invalid_value',
      })
    }
    expect(api.jobs.size).toBe(0)
  })

  it('answers 400 for malformed JSON or multipart', async () => {
    const api = manualApi()
    const badJson = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt": "a' }
    await expectError(await api.fetch(`${BASE_URL}/videos`, badJson), 400, { code: 'invalid_body' })
    const badForm = {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: 'junk',
    }
    await expectError(await api.fetch(`${BASE_URL}/videos`, badForm), 400, { code: 'invalid_body' })
  })

  it('answers 413 for a body over maxBodyBytes', async () => {
    const api = manualApi({ maxBodyBytes: 100 })
    const error = await expectError(
      await api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'x'.repeat(200) })),
      413,
      { code: 'request_too_large' },
    )
    expect(error.message).toMatch(/100 bytes/)
    expect(api.jobs.size).toBe(0)
  })
})

describe('GET /videos/{id}', () => {
  it('answers 404 with the video_not_found envelope naming the id', async () => {
    const api = manualApi()
    const error = await expectError(await api.fetch(`${BASE_URL}/videos/video_missing`), 404, {
      type: 'invalid_request_error',
      code: 'video_not_found',
    })
    expect(error.message).toContain("'video_missing'")
  })

  it('keeps an id with an encoded slash as one id', async () => {
    const api = manualApi()
    const error = await expectError(await api.fetch(`${BASE_URL}/videos/a%2F..%2Fb`), 404, {
      code: 'video_not_found',
    })
    expect(error.message).toContain("'a/../b'")
    expect(api.log[0]).toMatchObject({ endpoint: 'retrieve', id: 'a/../b' })
  })
})

describe('GET /videos', () => {
  async function seed(api: MockVideoApi, count: number): Promise<string[]> {
    const ids: string[] = []
    for (let i = 0; i < count; i++) ids.push((await createVideo(api, { prompt: `video ${i}` })).id)
    return ids
  }

  it('pages newest first by default with after/limit/has_more/first_id/last_id', async () => {
    const api = manualApi()
    const ids = await seed(api, 5) // all in the same second: the creation sequence orders them
    const newest = [...ids].reverse()
    const first = await list(api, '?limit=2')
    expect(first).toMatchObject({ object: 'list', first_id: newest[0], last_id: newest[1], has_more: true })
    expect(first.data.map((video) => video.id)).toEqual(newest.slice(0, 2))
    const second = await list(api, `?limit=2&after=${first.last_id}`)
    expect(second.data.map((video) => video.id)).toEqual(newest.slice(2, 4))
    const third = await list(api, `?limit=2&after=${second.last_id}`)
    expect(third).toMatchObject({ first_id: newest[4], last_id: newest[4], has_more: false })
    expect((await list(api)).data).toHaveLength(5)
  })

  it('pages oldest first with order=asc', async () => {
    const api = manualApi()
    const ids = await seed(api, 3)
    const page = await list(api, '?order=asc&limit=2')
    expect(page.data.map((video) => video.id)).toEqual(ids.slice(0, 2))
    expect(page.has_more).toBe(true)
    const rest = await list(api, `?order=asc&limit=2&after=${ids[1]}`)
    expect(rest.data.map((video) => video.id)).toEqual([ids[2]])
    expect(rest.has_more).toBe(false)
  })

  it('answers an empty list with null ids', async () => {
    expect(await list(manualApi())).toEqual({
      object: 'list',
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    })
  })

  it('pages on across a deleted cursor', async () => {
    const api = manualApi()
    const ids = await seed(api, 4)
    const first = await list(api, '?order=asc&limit=2')
    await api.fetch(`${BASE_URL}/videos/${first.last_id}`, { method: 'DELETE' })
    const next = await list(api, `?order=asc&limit=2&after=${first.last_id}`)
    expect(next.data.map((video) => video.id)).toEqual([ids[2], ids[3]])
    expect((await list(api, '?order=asc')).data.map((video) => video.id)).toEqual([ids[0], ids[2], ids[3]])
  })

  it('fills pages past deleted videos, and has_more ignores them', async () => {
    const api = manualApi()
    const ids = await seed(api, 4)
    api.jobs.remove(ids[1] ?? '')
    api.jobs.remove(ids[3] ?? '')
    const page = await list(api, '?order=asc&limit=2')
    expect(page).toMatchObject({ first_id: ids[0], last_id: ids[2], has_more: false })
    expect(page.data.map((video) => video.id)).toEqual([ids[0], ids[2]])
  })

  it('answers 400 naming limit, order or after', async () => {
    const api = manualApi()
    await seed(api, 1)
    const cases: [query: string, param: string][] = [
      ['?limit=101', 'limit'],
      ['?limit=-1', 'limit'],
      ['?limit=1.5', 'limit'],
      ['?order=newest', 'order'],
      ['?after=video_unknown', 'after'],
    ]
    for (const [query, param] of cases) {
      await expectError(await api.fetch(`${BASE_URL}/videos${query}`), 400, { param, code: 'invalid_value' })
    }
  })
})
