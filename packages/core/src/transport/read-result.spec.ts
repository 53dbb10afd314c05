import { describe, expect, it } from 'vitest'
import { VideoValidationError } from '../errors'
import { parseJson } from './json'
import { readTransportResult } from './read-result'

const context = { request: 'GET /videos/abc', origin: 'https://example.com' }

describe('parseJson', () => {
  it('parses JSON, including null', () => {
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } })
    expect(parseJson('null')).toEqual({ ok: true, value: null })
  })

  it('reports text that is not JSON', () => {
    expect(parseJson('<html>')).toEqual({ ok: false, tooDeep: false })
    expect(parseJson('')).toEqual({ ok: false, tooDeep: false })
  })
})

describe('readTransportResult', () => {
  it('returns the unvalidated body with the poll and request-id hints', async () => {
    const response = new Response('{"id":"v1","anything":true}', {
      headers: { 'openai-poll-after-ms': '1200', 'x-request-id': 'req_7' },
    })
    await expect(readTransportResult(response, context)).resolves.toEqual({
      body: { id: 'v1', anything: true },
      pollAfterMs: 1200,
      requestId: 'req_7',
    })
  })

  it('leaves the hints out when the headers are absent or garbage', async () => {
    const response = new Response('{}', { headers: { 'openai-poll-after-ms': 'soon' } })
    const result = await readTransportResult(response, context)
    expect(Object.keys(result)).toEqual(['body'])
  })

  it('refuses a body that is not JSON with a VideoValidationError pointing at baseURL', async () => {
    const html = '<!doctype html><title>My app</title>'
    const response = new Response(html, { headers: { 'content-type': 'text/html' } })
    const error = await readTransportResult(response, context).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoValidationError)
    const validation = error as VideoValidationError
    expect(validation.body).toBe(html)
    expect(validation.issues).toEqual([
      { code: 'custom', path: [], message: 'expected a JSON body, got text/html', input: html },
    ])
    expect(validation.message).toMatch(/GET \/videos\/abc to https:\/\/example\.com answered 200/)
    expect(validation.message).toMatch(/server sent non-JSON/)
    expect(validation.message).toMatch(/Check that baseURL points at a Videos API/)
  })

  it('says so when the body is empty', async () => {
    const error = (await readTransportResult(new Response(''), context).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/expected a JSON body, got an empty body/)
  })
})
