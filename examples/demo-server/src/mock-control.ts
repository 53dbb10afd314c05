import type { MockFaultRule, MockFaults } from '@vidjob/mock-api'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect } from 'vite'

/**
 * Where the demo server answers fault-injection requests (mock mode only; never part of a production app).
 *
 * @example fetch(`${MOCK_CONTROL_PREFIX}/faults`)
 */
export const MOCK_CONTROL_PREFIX = '/__mock'

/**
 * A connect middleware (mount it at {@link MOCK_CONTROL_PREFIX}) that lets a person or a test steer the
 * embedded mock: `POST /faults` with a JSON `MockFaultRule` adds a rule, `POST /clear-faults` removes them
 * all, `GET /faults` lists them.
 *
 * @example
 * server.middlewares.use(MOCK_CONTROL_PREFIX, mockControl(api.faults))
 * // curl -X POST localhost:5173/__mock/faults -d '{"fault":{"type":"error","status":500},"endpoint":"delete","times":1}'
 */
export function mockControl(faults: MockFaults): Connect.NextHandleFunction {
  return (req, res, next) => {
    const route = `${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`
    if (route === 'GET /faults') return sendJson(res, 200, faults.rules)
    if (route === 'POST /clear-faults') {
      faults.clear()
      return sendJson(res, 200, { cleared: true })
    }
    if (route !== 'POST /faults') return next()
    readJson(req)
      .then((rule) => {
        // `add` checks the rule and throws a message naming what is wrong, which becomes the 400 below.
        faults.add(rule as MockFaultRule)
        sendJson(res, 201, faults.rules)
      })
      .catch((error: unknown) => sendJson(res, 400, { error: { message: (error as Error).message } }))
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}
