import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MockVideo } from './job-lifecycle'
import { createMockVideoApi } from './mock-api'
import { BASE_URL, createVideo, expectError, jsonInit } from '../test/test-support'

afterEach(() => {
  vi.useRealTimers()
})

describe('routing', () => {
  it('serves any prefix before /videos, and relative URLs', async () => {
    const api = createMockVideoApi({ clock: 'manual' })
    const { id } = await createVideo(api)
    for (const url of [
      `http://localhost:4010/v1/videos/${id}`,
      `https://proxy.example/api/openai/v1/videos/${id}`,
      `/videos/${id}`,
      new URL(`${BASE_URL}/videos/${id}`),
    ]) {
      expect(((await (await api.fetch(url)).json()) as MockVideo).id).toBe(id)
    }
    expect((await api.handle(new Request(`${BASE_URL}/videos/${id}`))).status).toBe(200)
  })

  it('answers 404 for unknown routes and 405 with Allow for wrong methods', async () => {
    const api = createMockVideoApi()
    const missing = await expectError(await api.fetch(`${BASE_URL}/models`), 404, { code: 'not_found' })
    expect(missing.message).toContain('GET /v1/models')
    const wrong = await api.fetch(`${BASE_URL}/videos`, { method: 'PUT' })
    expect(wrong.headers.get('allow')).toBe('GET, POST')
    await expectError(wrong, 405, { code: 'method_not_allowed' })
    await expectError(await api.fetch(`${BASE_URL}/videos/v/content`, { method: 'DELETE' }), 405, {
      code: 'method_not_allowed',
    })
    expect(api.log.map((entry) => entry.endpoint)).toEqual(['unknown', 'unknown', 'unknown'])
  })

  it('tags every answer with x-request-id req_<seq>', async () => {
    const api = createMockVideoApi()
    const answers = [
      await api.fetch(`${BASE_URL}/videos`),
      await api.fetch(`${BASE_URL}/videos/nope`),
      await api.fetch(`${BASE_URL}/nowhere`),
    ]
    expect(answers.map((response) => response.headers.get('x-request-id'))).toEqual([
      'req_1',
      'req_2',
      'req_3',
    ])
  })
})

describe('apiKey', () => {
  it('answers 401 invalid_api_key without the right bearer token', async () => {
    const api = createMockVideoApi({ apiKey: 'sk-test' })
    const missing = await expectError(await api.fetch(`${BASE_URL}/videos`), 401, {
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    })
    expect(missing.message).toMatch(/Authorization: Bearer/)
    const wrong = await api.fetch(`${BASE_URL}/videos`, { headers: { authorization: 'Bearer sk-other' } })
    await expectError(wrong, 401, { code: 'invalid_api_key' })
    const right = await api.fetch(`${BASE_URL}/videos`, { headers: { authorization: 'Bearer sk-test' } })
    expect(right.status).toBe(200)
  })

  it('reads the Bearer scheme case-insensitively and the key exactly', async () => {
    const api = createMockVideoApi({ apiKey: 'sk-test' })
    const statusWith = async (authorization: string) =>
      (await api.fetch(`${BASE_URL}/videos`, { headers: { authorization } })).status
    expect(await statusWith('bearer sk-test')).toBe(200)
    expect(await statusWith('BEARER  sk-test')).toBe(200)
    for (const wrong of ['Bearer SK-TEST', 'Bearer sk-test2', 'Basic sk-test', 'sk-test']) {
      expect(await statusWith(wrong)).toBe(401)
    }
  })

  it('is checked before faults, which then do not fire', async () => {
    const api = createMockVideoApi({ apiKey: 'k' })
    api.faults.next({ type: 'error', status: 500 })
    expect((await api.fetch(`${BASE_URL}/videos`)).status).toBe(401)
    expect(api.faults.rules).toHaveLength(1)
    expect(api.log[0]?.fault).toBeUndefined()
  })
})

describe('faults', () => {
  it('error: answers the status with the envelope, then normal answers', async () => {
    const api = createMockVideoApi()
    api.faults.add({ fault: { type: 'error', status: 503, code: 'overloaded' }, endpoint: 'list', times: 1 })
    await expectError(await api.fetch(`${BASE_URL}/videos`), 503, {
      type: 'server_error',
      code: 'overloaded',
    })
    expect((await api.fetch(`${BASE_URL}/videos`)).status).toBe(200)
    expect(api.log.map((entry) => [entry.status, entry.fault])).toEqual([
      [503, 'error'],
      [200, undefined],
    ])
  })

  it('error: defaults to a null code and an actionable message', async () => {
    const api = createMockVideoApi()
    api.faults.next({ type: 'error', status: 500 })
    const error = await expectError(await api.fetch(`${BASE_URL}/videos`), 500, {
      code: null,
      type: 'server_error',
    })
    expect(error.message).toMatch(/Retry/)
  })

  it('rate-limit: 429 with retry-after (ceil seconds) and retry-after-ms', async () => {
    const api = createMockVideoApi()
    api.faults.next({ type: 'rate-limit', retryAfterMs: 2_500 })
    const response = await api.fetch(`${BASE_URL}/videos`)
    expect(response.headers.get('retry-after')).toBe('3')
    expect(response.headers.get('retry-after-ms')).toBe('2500')
    expect(response.headers.get('x-request-id')).toBe('req_1')
    await expectError(response, 429, { code: 'rate_limit_exceeded' })
  })

  it('drop: fetch rejects with TypeError("fetch failed") and the log says dropped', async () => {
    const api = createMockVideoApi({ clock: 'manual' })
    api.faults.next({ type: 'drop' }, { endpoint: 'create' })
    const attempt = api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'p' }))
    await expect(attempt).rejects.toThrow(TypeError)
    await expect(attempt).rejects.toThrow('fetch failed')
    expect(api.log[0]).toMatchObject({ status: 'dropped', fault: 'drop' })
    expect(api.jobs.size).toBe(0)
  })

  it('malformed: 200 application/json whose body is not JSON', async () => {
    const api = createMockVideoApi()
    api.faults.next({ type: 'malformed' })
    const response = await api.fetch(`${BASE_URL}/videos`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    await expect(response.json()).rejects.toThrow(SyntaxError)
  })

  it('schema: valid JSON that breaks the video shape', async () => {
    const api = createMockVideoApi({ clock: 'manual' })
    const { id } = await createVideo(api)
    api.faults.next({ type: 'schema' }, { endpoint: 'retrieve', id })
    const body = await (await api.fetch(`${BASE_URL}/videos/${id}`)).json()
    expect(body).toMatchObject({ status: 'rendering', progress: 250 })
    expect(body).not.toHaveProperty('id')
  })

  it('latency: delays by ms, then answers normally', async () => {
    vi.useFakeTimers()
    const api = createMockVideoApi()
    api.faults.next({ type: 'latency', ms: 500 })
    let status: number | undefined
    void api.fetch(`${BASE_URL}/videos`).then((response) => (status = response.status))
    await vi.advanceTimersByTimeAsync(499)
    expect(status).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(status).toBe(200)
    expect(api.log[0]).toMatchObject({ status: 200, fault: 'latency' })
  })

  it('probability: the same seed fails the same requests', async () => {
    const pattern = async (seed: number) => {
      const api = createMockVideoApi({ seed })
      api.faults.add({ fault: { type: 'error', status: 500 }, probability: 0.5 })
      const statuses = []
      for (let i = 0; i < 20; i++) statuses.push((await api.fetch(`${BASE_URL}/videos`)).status)
      return statuses
    }
    const first = await pattern(11)
    expect(await pattern(11)).toEqual(first)
    expect(await pattern(12)).not.toEqual(first)
    expect(new Set(first)).toEqual(new Set([200, 500]))
  })

  it('times: a rule fires that many times for its endpoint only', async () => {
    const api = createMockVideoApi()
    api.faults.add({ fault: { type: 'error', status: 500 }, endpoint: 'list', method: 'GET', times: 2 })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await api.fetch(`${BASE_URL}/videos`)).status)
    expect((await api.fetch(`${BASE_URL}/videos/x`)).status).toBe(404)
    expect(statuses).toEqual([500, 500, 200])
  })
})
