import { createServer as createTcpServer, type AddressInfo } from 'node:net'
import { createServer, type ViteDevServer } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'
import { vidjobApi } from '../../../demo-server/src/index'
import { upstreamUnreachable } from './upstream-unreachable'

let server: ViteDevServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A loopback port nothing listens on any more. */
async function closedPort(): Promise<number> {
  const probe = createTcpServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

describe('upstreamUnreachable', () => {
  it('answers 502 with an error envelope naming the upstream when it cannot be reached', async () => {
    const port = await closedPort()
    const upstream = `http://127.0.0.1:${port}`
    server = await createServer({
      configFile: false,
      root: import.meta.dirname,
      logLevel: 'silent',
      plugins: [
        vidjobApi({ kind: 'remote', baseURL: `${upstream}/v1`, apiKey: undefined }),
        upstreamUnreachable(),
      ],
      server: { host: '127.0.0.1', port: 0 },
    })
    await server.listen()
    const response = await fetch(new URL('/api/videos/v1/videos?limit=8', server.resolvedUrls?.local[0]))

    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({
      error: {
        message: `The server cannot reach the Videos API at ${upstream} (ECONNREFUSED). Check that it is running and that VIDJOB_BASE_URL points to it.`,
        type: 'upstream_unreachable',
        param: null,
        code: 'ECONNREFUSED',
      },
    })
  })
})
