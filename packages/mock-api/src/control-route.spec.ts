import { describe, expect, it } from 'vitest'
import { createMockControl } from './control-route'
import { createFaults } from './faults'
import { createRandom } from './random'

const HOST = 'http://127.0.0.1:4010'

function setup(options: Parameters<typeof createMockControl>[1] = {}) {
  const faults = createFaults(createRandom(1))
  const control = createMockControl(faults, options)
  const send = async (path: string, init: RequestInit = {}) => {
    const response = await control.handle(new Request(`${HOST}${path}`, init), { origin: HOST })
    if (!response) throw new Error(`${path} is not a control route`)
    return response
  }
  return { faults, control, send }
}

const RULE = { fault: { type: 'error', status: 500 }, endpoint: 'delete', times: 1 }

function post(
  body: BodyInit,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): RequestInit {
  return { method: 'POST', headers, body }
}

describe('createMockControl', () => {
  it('lists, adds and clears fault rules under /__mock, and leaves other paths to the API', async () => {
    const { faults, control, send } = setup()
    expect(await control.handle(new Request(`${HOST}/v1/videos`))).toBeUndefined()
    expect(await control.handle(new Request(`${HOST}/__mockery`))).toBeUndefined()
    const added = await send('/__mock/faults', post(JSON.stringify(RULE)))
    expect(added.status).toBe(201)
    expect(await added.json()).toEqual([RULE])
    expect(await (await send('/__mock/faults')).json()).toEqual([RULE])
    expect((await send('/__mock/clear-faults', { method: 'POST' })).status).toBe(200)
    expect(faults.rules).toEqual([])
    expect((await send('/__mock/nope')).status).toBe(404)
  })

  it('refuses a POST that is not application/json, as a cross-site form or text/plain post would be', async () => {
    const { faults, send } = setup()
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      expect(
        (await send('/__mock/faults', post(JSON.stringify(RULE), { 'content-type': type }))).status,
      ).toBe(415)
    }
    expect((await send('/__mock/faults', { method: 'POST', body: JSON.stringify(RULE) })).status).toBe(415)
    expect(faults.rules).toEqual([])
    const withCharset = post(JSON.stringify(RULE), { 'content-type': 'Application/JSON; charset=utf-8' })
    expect((await send('/__mock/faults', withCharset)).status).toBe(201)
  })

  it('refuses (403) any request whose Origin is not loopback, the server itself or listed', async () => {
    const { faults, control } = setup({ allowedOrigins: ['https://dev.example.com'] })
    const from = async (origin: string, init: RequestInit = {}) => {
      const headers = { ...(init.headers as Record<string, string>), origin }
      return (await control.handle(new Request(`${HOST}/__mock/faults`, { ...init, headers }), {
        origin: HOST,
      }))!
    }
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example', 'file://']) {
      expect((await from(origin)).status).toBe(403)
      expect((await from(origin, post(JSON.stringify(RULE)))).status).toBe(403)
      expect((await from(origin, { method: 'OPTIONS' })).status).toBe(403)
    }
    expect(faults.rules).toEqual([])
    for (const origin of [
      HOST,
      'http://localhost:5173',
      'http://127.0.0.2:3000',
      'http://[::1]:8080',
      'https://dev.example.com',
    ]) {
      const answer = await from(origin, post(JSON.stringify(RULE)))
      expect(answer.status).toBe(201)
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin)
    }
    const preflight = await from('http://localhost:5173', { method: 'OPTIONS' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type')
  })

  it('bounds the body: 413 past maxBodyBytes, whether declared or streamed', async () => {
    const { faults, send } = setup({ maxBodyBytes: 100 })
    const big = JSON.stringify({ ...RULE, padding: 'x'.repeat(200) })
    expect((await send('/__mock/faults', post(big))).status).toBe(413)
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('{"fault":'.padEnd(64, ' ')))
      },
    })
    const streamed = { ...post(stream), duplex: 'half' } as RequestInit
    expect((await send('/__mock/faults', streamed)).status).toBe(413)
    expect(faults.rules).toEqual([])
  })

  it('answers 400 with the reason for a body that is not a valid rule', async () => {
    const { faults, send } = setup()
    const cases: [string, RegExp][] = [
      ['{"fault":', /not valid JSON/],
      ['[1]', /JSON object/],
      ['{"fault":{"type":"explode"}}', /fault.type/],
      ['{"fault":{"type":"error","status":200}}', /error fault status/],
    ]
    for (const [body, reason] of cases) {
      const answer = await send('/__mock/faults', post(body))
      expect(answer.status).toBe(400)
      expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(reason)
    }
    expect(faults.rules).toEqual([])
  })
})
