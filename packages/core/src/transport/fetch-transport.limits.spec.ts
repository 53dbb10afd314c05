import { describe, expect, it } from 'vitest'
import { VideoApiError, VideoConfigError, VideoValidationError } from '../errors'
import { createFetchTransport } from './fetch-transport'
import { jsonResponse as json, rejection, videoFixture } from '../../test/fetch-doubles'
import { BASE, setup } from '../../test/fetch-transport-setup'

const deep = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth)

describe('maxBodyBytes', () => {
  it('bounds a JSON answer at the size it is given, naming the option', async () => {
    const body = JSON.stringify(videoFixture)
    const small = setup(() => new Response(body), { maxBodyBytes: body.length - 1 })
    const error = await rejection(small.transport.retrieve('video_123'))
    expect(error).toBeInstanceOf(VideoValidationError)
    expect(error.message).toBe(
      `GET /videos/video_123 to http://mock.local answered 200 with a body larger than maxBodyBytes ` +
        `(${body.length - 1} bytes). vidjob stopped reading it. Raise maxBodyBytes in createFetchTransport ` +
        'if answers this large are expected, otherwise check that baseURL points at a Videos API.',
    )
    const exact = setup(() => new Response(body), { maxBodyBytes: body.length })
    await expect(exact.transport.retrieve('video_123')).resolves.toEqual({ body: videoFixture })
  })

  it('refuses unread an answer whose content-length is over the limit', async () => {
    let pulled = false
    const body = new ReadableStream({ pull: () => void (pulled = true) }, { highWaterMark: 0 })
    const { transport } = setup(() => new Response(body, { headers: { 'content-length': '2000' } }), {
      maxBodyBytes: 1000,
    })
    expect(await rejection(transport.list({}))).toBeInstanceOf(VideoValidationError)
    expect(pulled).toBe(false)
  })

  it('keeps the status of an error answer too large to read', async () => {
    const huge = 'x'.repeat(2000)
    const { transport } = setup(
      () => new Response(huge, { status: 503, statusText: 'Service Unavailable' }),
      {
        maxBodyBytes: 1000,
      },
    )
    const error = await rejection(transport.retrieve('abc'))
    expect(error).toBeInstanceOf(VideoApiError)
    expect(error).toMatchObject({ status: 503 })
    expect(error.message).toBe(
      'GET /videos/abc answered 503 Service Unavailable with an error body larger than maxBodyBytes ' +
        '(1000 bytes), left unread',
    )
  })

  it('leaves content downloads unbounded: their bytes are streamed to the caller', async () => {
    const bytes = new Uint8Array(5000)
    const { transport } = setup(() => new Response(bytes, { headers: { 'content-type': 'video/mp4' } }), {
      maxBodyBytes: 1000,
    })
    const response = await transport.downloadContent('video_123')
    expect((await response.arrayBuffer()).byteLength).toBe(5000)
  })

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses maxBodyBytes %s at setup',
    (maxBodyBytes) => {
      const create = () => createFetchTransport({ baseURL: BASE, maxBodyBytes })
      expect(create).toThrow(VideoConfigError)
      expect(create).toThrow(/maxBodyBytes must be a positive number of bytes/)
    },
  )
})

describe('JSON depth', () => {
  it('keeps the status of an error answer nested too deep, without parsing it', async () => {
    const { transport } = setup(() => new Response(`{"error":${deep(200_000)}}`, { status: 500 }))
    const error = await rejection(transport.retrieve('abc'))
    expect(error).toBeInstanceOf(VideoApiError)
    expect(error.message).toBe(
      'GET /videos/abc answered 500 with an error body nested deeper than 64 levels, left unparsed',
    )
  })

  it('takes an answer nested as deep as a server may reasonably go', async () => {
    const body = { ...videoFixture, extra: JSON.parse(deep(50)) as unknown }
    const { transport } = setup(() => json(body))
    await expect(transport.retrieve('video_123')).resolves.toEqual({ body })
  })
})

describe('FastAPI error bodies', () => {
  it('takes the message of { detail: "..." }', async () => {
    const { transport } = setup(() => json({ detail: 'Video not found' }, { status: 404 }))
    expect(await rejection(transport.retrieve('abc'))).toMatchObject({
      name: 'VideoApiError',
      status: 404,
      message: 'Video not found',
      code: null,
      param: null,
    })
  })

  it('lists the problems of { detail: [{ loc, msg, type }] }, the first field as param', async () => {
    const detail = [
      { type: 'missing', loc: ['body', 'prompt'], msg: 'Field required', input: null },
      { type: 'less_than_equal', loc: ['query', 'limit'], msg: 'Input should be less than or equal to 100' },
      { type: 'x', loc: [], msg: 'Something about the whole body' },
      { not: 'an item' },
    ]
    const { transport } = setup(() => json({ detail }, { status: 422 }))
    const error = await rejection(transport.create({ prompt: 'p' }, {}))
    expect(error).toMatchObject({
      status: 422,
      message:
        'body.prompt: Field required; query.limit: Input should be less than or equal to 100; ' +
        'Something about the whole body',
      param: 'prompt',
    })
  })

  it('lists at most five problems', async () => {
    const detail = Array.from({ length: 8 }, (_, i) => ({ loc: ['body', `f${i}`], msg: 'bad', type: 'x' }))
    const { transport } = setup(() => json({ detail }, { status: 422 }), { createEncoding: 'json' })
    const error = await rejection(transport.create({ prompt: 'p' }))
    expect(error.message).toMatch(/^body\.f0: bad; .*body\.f4: bad \(and 3 more\)$/)
  })
})
