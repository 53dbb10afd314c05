import { describe, expect, it } from 'vitest'
import { MockApiError } from './envelope'
import { isPlainObject, readRequestFields } from './request-body'

const url = 'http://mock.local/v1/videos'

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: 'POST', body, headers })
}

async function failure(request: Request, max = 1_000): Promise<MockApiError> {
  const error: unknown = await readRequestFields(request, max).catch((caught: unknown) => caught)
  if (!(error instanceof MockApiError)) throw new Error(`expected a MockApiError, got ${String(error)}`)
  return error
}

describe('readRequestFields', () => {
  it('reads a JSON object, with or without a content type', async () => {
    const json = post('{"prompt":"cat","seconds":"8"}', { 'content-type': 'application/json; charset=utf-8' })
    expect(await readRequestFields(json, 1_000)).toEqual({ prompt: 'cat', seconds: '8' })
    expect(
      await readRequestFields(new Request(url, { method: 'POST', body: '{"prompt":"dog"}' }), 1_000),
    ).toEqual({
      prompt: 'dog',
    })
  })

  it('reads multipart fields and files, first value winning', async () => {
    const form = new FormData()
    form.append('prompt', 'cat')
    form.append('prompt', 'ignored')
    form.append('input_reference', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'ref.png')
    const fields = await readRequestFields(post(form), 10_000)
    expect(fields.prompt).toBe('cat')
    expect(fields.input_reference).toBeInstanceOf(Blob)
    expect((fields.input_reference as Blob).size).toBe(3)
  })

  it('reads JSON sent as bytes with no content type', async () => {
    const bytes = new TextEncoder().encode('{"prompt":"cat"}')
    const request = new Request(url, { method: 'POST', body: bytes })
    expect(request.headers.get('content-type')).toBeNull()
    expect(await readRequestFields(request, 1_000)).toEqual({ prompt: 'cat' })
  })

  it('turns name[member] form parts into an object field, as the openai SDKs send it', async () => {
    const form = new FormData()
    form.append('prompt', 'cat')
    form.append('input_reference[file_id]', 'file-1')
    form.append('input_reference[file_id]', 'ignored')
    form.append('input_reference[image_url]', 'https://example.com/a.png')
    expect(await readRequestFields(post(form), 10_000)).toEqual({
      prompt: 'cat',
      input_reference: { file_id: 'file-1', image_url: 'https://example.com/a.png' },
    })
    const both = new FormData()
    both.append('input_reference[file_id]', 'file-1')
    both.append('input_reference', '{"file_id":"file-2"}')
    expect((await readRequestFields(post(both), 10_000)).input_reference).toBe('{"file_id":"file-2"}')
  })

  it('reads url-encoded forms', async () => {
    expect(await readRequestFields(post(new URLSearchParams({ prompt: 'cat' })), 1_000)).toEqual({
      prompt: 'cat',
    })
  })

  it('answers 413 for a body over the limit, declared or streamed', async () => {
    expect((await failure(post('x'.repeat(20), { 'content-type': 'application/json' }), 10)).status).toBe(413)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(8))
        controller.enqueue(new Uint8Array(8))
        controller.close()
      },
    })
    const declared = post('{"prompt":"cat"}', { 'content-type': 'application/json', 'content-length': '11' })
    expect((await failure(declared, 10)).status).toBe(413)
    expect(declared.bodyUsed).toBe(false)
    const streamed = new Request(url, { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
    const error = await failure(streamed, 10)
    expect(error.status).toBe(413)
    expect(error.message).toMatch(/larger than 10 bytes.*maxBodyBytes/)
  })

  it('answers 400 for malformed JSON, non-objects, empty bodies and broken multipart', async () => {
    const cases = [
      post('{"prompt":', { 'content-type': 'application/json' }),
      post('[1,2]', { 'content-type': 'application/json' }),
      post('', { 'content-type': 'application/json' }),
      post('--nope\r\n', { 'content-type': 'multipart/form-data; boundary=other' }),
      post('prompt=cat', { 'content-type': 'application/octet-stream' }),
    ]
    for (const request of cases) expect((await failure(request)).status).toBe(400)
    expect((await failure(post('{"prompt":', { 'content-type': 'application/json' }))).message).toMatch(
      /not valid JSON/,
    )
  })
})

describe('isPlainObject', () => {
  it('accepts objects only', () => {
    expect([{}, [], null, 'x'].map(isPlainObject)).toEqual([true, false, false, false])
  })
})
