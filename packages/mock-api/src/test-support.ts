import { expect } from 'vitest'
import { MockApiError, type MockErrorEnvelope } from './envelope'
import type { MockVideo } from './job-lifecycle'
import type { MockVideoApi } from './mock-api'

/**
 * The base URL the specs call the in-process mock with.
 *
 * @example
 * await api.fetch(`${BASE_URL}/videos`)
 */
export const BASE_URL = 'http://mock.local/v1'

/**
 * Init for a JSON request.
 *
 * @example
 * await api.fetch(`${BASE_URL}/videos`, jsonInit({ prompt: 'a cat' }))
 */
export function jsonInit(body: unknown, method = 'POST'): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}

/**
 * Creates a video over HTTP and returns it, failing the test on any other answer.
 *
 * @example
 * const video = await createVideo(api, { prompt: 'a cat', seconds: '8' })
 */
export async function createVideo(
  api: MockVideoApi,
  body: Record<string, unknown> = { prompt: 'a cat' },
): Promise<MockVideo> {
  const response = await api.fetch(`${BASE_URL}/videos`, jsonInit(body))
  expect(response.status).toBe(200)
  return (await response.json()) as MockVideo
}

/**
 * Asserts an error answer: its status and the spec envelope, with the given fields.
 *
 * @example
 * await expectError(response, 400, { param: 'limit' })
 */
export async function expectError(
  response: Response,
  status: number,
  fields: Partial<MockErrorEnvelope['error']> = {},
): Promise<MockErrorEnvelope['error']> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/json')
  const { error } = (await response.json()) as MockErrorEnvelope
  expect(error).toEqual({
    message: expect.any(String),
    type: expect.any(String),
    param: null,
    code: expect.anything(),
    ...fields,
  })
  expect(error.message.length).toBeGreaterThan(10)
  return error
}

/**
 * The `param` of the 400 that `run` throws, failing the test if it throws anything else or nothing.
 *
 * @example
 * expect(paramOf(() => parseListQuery(new URLSearchParams('limit=101')))).toBe('limit')
 */
export function paramOf(run: () => unknown): string | null {
  try {
    run()
  } catch (error) {
    if (error instanceof MockApiError && error.status === 400) return error.param
    throw error
  }
  throw new Error('expected a 400 MockApiError')
}
