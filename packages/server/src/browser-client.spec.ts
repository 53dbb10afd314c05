import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createEventSourceUpdates,
  createFetchTransport,
  createManualEnvironment,
  createVideoClient,
  type EventSourceConstructor,
  type VideoJobState,
} from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { EventSource } from 'eventsource'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { BASE, START } from '../test/relay-harness'
import { createVideoRelay } from './relay'
import { createSqliteStore } from './store/sqlite-store'
import type { VideoRelay } from './options'

const dir = mkdtempSync(join(tmpdir(), 'vidjob-browser-client-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => vi.useRealTimers())

/**
 * A browser's client (core's createVideoClient with createEventSourceUpdates) talking to a relay in
 * process: every request of the page goes to whichever relay runs now, as `ann`.
 */
function world() {
  vi.useFakeTimers({ now: START })
  const api = createMockVideoApi({ queueMs: 1_000, renderMs: 20_000, pollAfterMs: 1_000 })
  const path = join(dir, `relay-${Math.random()}.db`)
  const open = () =>
    createVideoRelay({
      upstream: createFetchTransport({ baseURL: 'http://upstream.local/v1', fetch: api.fetch }),
      store: createSqliteStore({ path }),
      authenticate: () => ({ id: 'ann' }),
    })
  let relay: VideoRelay = open()
  const pagePolls: string[] = []
  const page: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    const { pathname } = new URL(request.url)
    if (request.method === 'GET' && !pathname.endsWith('/events')) pagePolls.push(pathname)
    return relay.handle(request)
  }
  class PageEventSource extends EventSource {
    constructor(url: string, init?: { withCredentials?: boolean }) {
      super(new URL(url, BASE).href, { ...init, fetch: page })
    }
  }
  const client = createVideoClient({
    transport: createFetchTransport({ baseURL: BASE, fetch: page }),
    updates: createEventSourceUpdates({
      url: `${BASE}/videos/events`,
      EventSource: PageEventSource as unknown as EventSourceConstructor,
    }),
    environment: createManualEnvironment(),
  })
  return {
    api,
    client,
    pagePolls,
    restart: async () => {
      await relay.close()
      relay = open()
    },
    stop: () => relay.close(),
    close: async () => {
      client.dispose()
      await relay.close()
    },
  }
}

describe('a browser client on the relay', () => {
  it('follows a job through the stream alone, then through polls while the relay restarts, losing nothing', async () => {
    const w = world()
    const video = await w.client.create({ prompt: 'streamed' })
    const states: VideoJobState[] = []
    const subscription = w.client.job$(video.id).subscribe((state) => states.push(state))
    await vi.advanceTimersByTimeAsync(8_000)
    const pollsWhileOpen = w.pagePolls.length
    const progressed = states.at(-1)!
    expect(progressed.status).toBe('in_progress')
    expect(progressed.progress).toBeGreaterThan(10)
    expect(w.pagePolls).toEqual([])

    // The relay goes away: the page polls at once (and is refused), then the new relay resumes the stream.
    await w.stop()
    await vi.advanceTimersByTimeAsync(100)
    expect(w.pagePolls.length).toBeGreaterThan(pollsWhileOpen)
    await w.restart()
    await vi.advanceTimersByTimeAsync(6_000)
    const polled = w.pagePolls.length
    await vi.advanceTimersByTimeAsync(6_000)
    expect(w.pagePolls.length).toBe(polled)
    expect(states.at(-1)!.progress).toBeGreaterThan(progressed.progress)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(states.at(-1)).toMatchObject({ status: 'completed', progress: 100 })
    expect(states.every((state, i) => i === 0 || state.progress >= states[i - 1]!.progress)).toBe(true)
    subscription.unsubscribe()
    await w.close()
  })
})
