import { describe, expect, it } from 'vitest'
import { errorResponse, errorTypeFor, jsonResponse, MockApiError } from './envelope'

describe('errorResponse', () => {
  it('answers with the spec envelope, status and extra headers', async () => {
    const response = errorResponse(
      new MockApiError(400, { message: 'limit must be 0..100.', param: 'limit', headers: { allow: 'GET' } }),
    )
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('allow')).toBe('GET')
    expect(await response.json()).toEqual({
      error: { message: 'limit must be 0..100.', type: 'invalid_request_error', param: 'limit', code: null },
    })
  })
})

describe('errorTypeFor', () => {
  it('maps statuses to OpenAI error types', () => {
    expect([400, 404, 429, 500, 503].map(errorTypeFor)).toEqual([
      'invalid_request_error',
      'invalid_request_error',
      'rate_limit_error',
      'server_error',
      'server_error',
    ])
  })
})

describe('jsonResponse', () => {
  it('serialises the body as JSON', async () => {
    const response = jsonResponse({ ok: true }, 201)
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ ok: true })
  })
})
