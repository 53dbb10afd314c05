import { describe, expect, it } from 'vitest'
import { VideoValidationError } from '../errors'
import { createFetchTransport } from './fetch-transport'
import {
  jsonResponse as json,
  rejection,
  videoFixture,
  type Answer,
  type RecordedCall,
} from '../../test/fetch-doubles'
import { BASE, setup } from '../../test/fetch-transport-setup'

const fields = (call: RecordedCall | undefined): [string, FormDataEntryValue][] => [
  ...(call?.body as FormData).entries(),
]
const isForm = (call: RecordedCall): boolean => call.body instanceof FormData

/** A server that takes only forms, refusing JSON with `status` in FastAPI's shape. */
const formOnly =
  (status = 422): Answer =>
  (call) =>
    isForm(call)
      ? json(videoFixture)
      : json({ detail: [{ type: 'missing', loc: ['body', 'prompt'], msg: 'Field required' }] }, { status })

describe("createEncoding: 'multipart'", () => {
  it('sends every create as form data: strings as fields, an input_reference object as bracketed fields', async () => {
    const { transport, calls } = setup(undefined, { createEncoding: 'multipart' })
    await transport.create({
      prompt: 'A cat',
      seconds: '8',
      model: undefined,
      input_reference: { image_url: 'https://img.test/x.png' },
    })
    await transport.create({ prompt: 'A dog', input_reference: { file_id: 'file_1' } })
    expect(fields(calls[0])).toEqual([
      ['prompt', 'A cat'],
      ['seconds', '8'],
      ['input_reference[image_url]', 'https://img.test/x.png'],
    ])
    expect(fields(calls[1])).toEqual([
      ['prompt', 'A dog'],
      ['input_reference[file_id]', 'file_1'],
    ])
    expect(calls[0]?.headers.get('content-type')).toBeNull()
  })

  it('sends numbers as fields too, and a file as a file part', async () => {
    const { transport, calls } = setup(undefined, { createEncoding: 'multipart' })
    const file = new File(['png'], 'ref.png', { type: 'image/png' })
    const params = { prompt: 'p', seconds: 8 as unknown as string, input_reference: file }
    await transport.create(params)
    expect(
      fields(calls[0]).map(([name, value]) => [name, typeof value === 'string' ? value : 'file']),
    ).toEqual([
      ['prompt', 'p'],
      ['seconds', '8'],
      ['input_reference', 'file'],
    ])
  })

  it('leaves remix as JSON', async () => {
    const { transport, calls } = setup(undefined, { createEncoding: 'multipart' })
    await transport.remix('video_123', { prompt: 'again' })
    expect(calls[0]?.body).toBe('{"prompt":"again"}')
  })
})

describe("createEncoding: 'json'", () => {
  it('never falls back to multipart', async () => {
    const { transport, calls } = setup(formOnly(), { createEncoding: 'json' })
    const error = await rejection(transport.create({ prompt: 'p' }))
    expect(error).toMatchObject({ status: 422, message: 'body.prompt: Field required', param: 'prompt' })
    expect(calls).toHaveLength(1)
  })

  it('refuses a file before sending, since only multipart can carry it', async () => {
    const { transport, calls } = setup(undefined, { createEncoding: 'json' })
    const error = await rejection(transport.create({ prompt: 'p', input_reference: new Blob(['x']) }))
    expect(error).toBeInstanceOf(VideoValidationError)
    expect((error as VideoValidationError).issuesByField()).toEqual({
      input_reference:
        "input_reference is a file, which only multipart can carry, but createEncoding is 'json'",
    })
    expect(calls).toHaveLength(0)
  })
})

describe("createEncoding: 'auto' (the default)", () => {
  it.each([415, 422])(
    'retries a JSON create refused with %i once as multipart, and sends multipart from then on',
    async (status) => {
      const { transport, calls } = setup(formOnly(status))
      await expect(transport.create({ prompt: 'first' })).resolves.toEqual({ body: videoFixture })
      expect(calls.map(isForm)).toEqual([false, true])
      await transport.create({ prompt: 'second' })
      expect(calls.map(isForm)).toEqual([false, true, true])
      expect(fields(calls[2])).toEqual([['prompt', 'second']])
    },
  )

  it('does not retry other failures, nor remix', async () => {
    const { transport, calls } = setup(() => json({ error: { message: 'bad size' } }, { status: 400 }))
    expect(await rejection(transport.create({ prompt: 'p' }))).toMatchObject({ status: 400 })
    expect(await rejection(transport.remix('video_123', { prompt: 'p' }))).toMatchObject({ status: 400 })
    expect(calls.map(isForm)).toEqual([false, false])
  })

  it('keeps JSON, and reports the JSON answer, when the server refuses the form with 415 too', async () => {
    const { transport, calls } = setup((call) =>
      isForm(call)
        ? json({ error: { message: 'Unsupported Media Type' } }, { status: 415 })
        : json({ error: { message: 'seconds must be 4, 8 or 12', param: 'seconds' } }, { status: 422 }),
    )
    const error = await rejection(transport.create({ prompt: 'p', seconds: '7' }))
    expect(error).toMatchObject({ status: 422, param: 'seconds' })
    await rejection(transport.create({ prompt: 'p', seconds: '7' }))
    expect(calls.map(isForm)).toEqual([false, true, false, true])
  })

  it('remembers multipart when the form is refused for another reason, reporting that answer', async () => {
    const { transport, calls } = setup((call) =>
      isForm(call)
        ? json(
            { detail: [{ loc: ['body', 'size'], msg: 'Invalid size', type: 'value_error' }] },
            { status: 422 },
          )
        : json(
            { detail: [{ loc: ['body', 'prompt'], msg: 'Field required', type: 'missing' }] },
            { status: 422 },
          ),
    )
    expect(await rejection(transport.create({ prompt: 'p', size: '1x1' }))).toMatchObject({
      message: 'body.size: Invalid size',
    })
    await rejection(transport.create({ prompt: 'p', size: '1x1' }))
    expect(calls.map(isForm)).toEqual([false, true, true])
  })

  it('learns per transport', async () => {
    const first = setup(formOnly())
    await first.transport.create({ prompt: 'p' })
    const second = setup(formOnly())
    await second.transport.create({ prompt: 'p' })
    expect(second.calls.map(isForm)).toEqual([false, true])
  })

  it('refuses an unknown encoding at setup', () => {
    const createEncoding = 'form' as unknown as 'json'
    expect(() => createFetchTransport({ baseURL: BASE, createEncoding })).toThrow(
      "createEncoding must be 'auto', 'multipart' or 'json' (got form)",
    )
  })
})
