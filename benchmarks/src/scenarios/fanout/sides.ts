import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { createFetchTransport, type Video } from '@vidjob/core'
import { createMemoryStore, createVideoRelay, toNodeHandler } from '@vidjob/server'
import { runChild } from '../../child-process'
import { settledHeap } from '../../gc'
import type { PollersResult } from './pollers'
import { startUpstream, until } from './upstream'
import type { ViewersResult } from './viewers'
import type { FanoutWorkload } from './workload'

/** What one side measured. */
export interface SideRun {
  /** Upstream polls (retrieves and list pages) during the steady window. */
  readonly steadyPolls: number
  /**
   * How long the window was (ms): the steady window, less any part of it before the side's clients were
   * polling (browsers start in a child process, which may take longer than the workload's connect time).
   */
  readonly windowMs: number
  /** Browsers (viewers) measured on this side. */
  readonly browsers: number
  /** Per job, when each browser saw it completed; and when it completed upstream. */
  readonly completedSeen: Record<string, number[]>
  readonly completesAt: Readonly<Record<string, number>>
  /** Relay side only: streams opened, events delivered, memory (heap + external) per open stream. */
  readonly streams?: { readonly opened: number; readonly events: number; readonly bytesPerStream: number }
}

/**
 * The relay side: one `@vidjob/server` relay (memory store, the workload's fixed interval) on loopback,
 * each user's jobs claimed for them, and every viewer's stream opened from a child process.
 *
 * @example const run = await measureRelaySide(fanoutWorkload(true))
 */
export async function measureRelaySide(workload: FanoutWorkload): Promise<SideRun> {
  const upstream = await startUpstream(workload)
  const store = createMemoryStore()
  for (const [user, ids] of upstream.jobsByUser.entries())
    for (const id of ids) {
      const video = (await (await upstream.api.fetch(`${upstream.url}/videos/${id}`)).json()) as Video
      await store.claim(`user-${user}`, video)
    }
  const relay = createVideoRelay({
    upstream: createFetchTransport({ baseURL: upstream.url }),
    store,
    authenticate: (request) => ({ id: request.headers.get('x-user') ?? 'nobody' }),
    polling: { interval: workload.intervalMs },
  })
  await relay.ready
  const server = await listen(createServer(toNodeHandler(relay)))
  const baseline = await settledMemory()
  const viewers = runChild<ViewersResult>('src/scenarios/fanout/viewers.ts', [
    server.url,
    String(workload.users),
    String(workload.viewersPerUser),
    String(upstream.endAt),
  ])
  await until(upstream.steady.from)
  const withStreams = await settledMemory()
  await until(upstream.steady.to)
  const { from, to } = upstream.steady
  const steadyPolls = upstream.pollsBetween(from, to)
  const seen = await viewers
  await relay.close()
  await server.close()
  await upstream.close()
  return {
    steadyPolls,
    windowMs: to - from,
    browsers: workload.users * workload.viewersPerUser,
    completedSeen: seen.completedSeen,
    completesAt: upstream.completesAt,
    streams: {
      opened: seen.opened,
      events: seen.events,
      bytesPerStream: seen.opened > 0 ? (withStreams - baseline) / seen.opened : Number.NaN,
    },
  }
}

/**
 * The polling side: `pollingClients` browsers' clients (each watching its user's jobs, the same fixed
 * interval) polling through a plain forwarding proxy, as every tab did before the relay.
 *
 * @example const run = await measurePollingSide(fanoutWorkload(true))
 */
export async function measurePollingSide(workload: FanoutWorkload): Promise<SideRun> {
  const upstream = await startUpstream(workload)
  const proxy = await listen(createServer(forwardTo(upstream.url)))
  const browsers = Array.from(
    { length: workload.pollingClients },
    (_, k) => upstream.jobsByUser[k % workload.users] ?? [],
  )
  const pollers = runChild<PollersResult>('src/scenarios/fanout/pollers.ts', [
    `${proxy.url}/api/videos/v1`,
    String(workload.intervalMs),
    String(upstream.endAt),
    JSON.stringify(browsers),
  ])
  const seen = await pollers
  // Counted from when every browser was polling: a window that began before would count no browser.
  const from = Math.max(upstream.steady.from, seen.startedAt)
  const to = Math.max(from, upstream.steady.to)
  const steadyPolls = upstream.pollsBetween(from, to)
  await proxy.close()
  await upstream.close()
  return {
    steadyPolls,
    windowMs: to - from,
    browsers: workload.pollingClients,
    completedSeen: seen.completedSeen,
    completesAt: upstream.completesAt,
  }
}

/** The dev proxy's forwarding: `/api/videos/v1/*` → the API root, anything, as it was. */
function forwardTo(apiRoot: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').replace(/^\/api\/videos\/v1/, '')
    fetch(`${apiRoot}${path}`, { method: req.method ?? 'GET' })
      .then((answer) => {
        res.writeHead(answer.status, Object.fromEntries(answer.headers))
        if (answer.body) Readable.fromWeb(answer.body as never).pipe(res)
        else res.end()
      })
      .catch(() => res.writeHead(502).end())
  }
}

async function listen(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Heap and off-heap bytes (stream buffers) in use once garbage is collected. */
async function settledMemory(): Promise<number> {
  await settledHeap()
  const { heapUsed, external } = process.memoryUsage()
  return heapUsed + external
}
