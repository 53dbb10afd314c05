/**
 * One relay instance of a fleet test, in a process of its own so that the test can kill it (SIGKILL: no
 * lease released, no stream closed). Settings come from the environment; it prints `READY <port> <lease
 * owner>` once it listens.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFetchTransport } from '@vidjob/core'
import { createVideoRelay } from '../src/relay'
import { toNodeHandler } from '../src/node-handler'
import { createRedisStore } from '../src/store/redis-store'

const env = (name: string): string => {
  const value = process.env[name]
  if (value === undefined) throw new Error(`fleet-instance needs ${name}`)
  return value
}

const store = createRedisStore({
  url: env('FLEET_REDIS_URL'),
  keyPrefix: env('FLEET_KEY_PREFIX'),
  leaseMs: Number(env('FLEET_LEASE_MS')),
  timeoutMs: 500,
})
const relay = createVideoRelay({
  upstream: createFetchTransport({ baseURL: env('FLEET_UPSTREAM_URL') }),
  store,
  authenticate: (request) => {
    const id = request.headers.get('x-user')
    return id ? { id } : null
  },
  limits: { liveJobsPerUser: 100, createsPerMinute: 100 },
  polling: { interval: Number(env('FLEET_INTERVAL_MS')) },
  events: { heartbeatMs: 1_000 },
})
const server = createServer(toNodeHandler(relay))
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  process.stdout.write(`READY ${port} ${store.fleet?.leases.owner}\n`)
})
process.on('SIGTERM', () => {
  void relay.close().finally(() => server.close(() => process.exit(0)))
})
