import type { MockFaultRule, MockFaults } from '@vidjob/mock-api'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect } from 'vite'

/** Where tests steer the embedded mock API (mock mode only; never part of a production app). @example fetch(`${MOCK_CONTROL_PREFIX}/faults`) */
export const MOCK_CONTROL_PREFIX = '/__mock'

/**
 * The fault-injection endpoints for end-to-end tests, mounted at {@link MOCK_CONTROL_PREFIX}: `POST /faults`
 * with a JSON `MockFaultRule` adds it, `POST /clear-faults` removes every rule, `GET /faults` lists them.
 *
 * @example
 * server.middlewares.use(MOCK_CONTROL_PREFIX, mockControl(mock.faults))
 * // curl -X POST localhost:5174/__mock/faults -d '{"fault":{"type":"error","status":500},"endpoint":"delete","times":1}'
 */
export function mockControl(faults: MockFaults): Connect.NextHandleFunction {
  return (req, res, next) => {
    const route = `${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`
    if (route === 'GET /faults') return reply(res, 200, faults.rules)
    if (route === 'POST /clear-faults') {
      faults.clear()
      return reply(res, 200, { cleared: true })
    }
    if (route !== 'POST /faults') return next()
    // `add` checks the rule and throws a message naming what is wrong: that message is the 400's.
    readJson(req)
      .then((rule) => reply(res, 201, (faults.add(rule as MockFaultRule), faults.rules)))
      .catch((error: unknown) => reply(res, 400, { error: { message: (error as Error).message } }))
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}
