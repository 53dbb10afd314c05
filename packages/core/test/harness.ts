import { createMockVideoApi, type MockVideoApiOptions } from '@vidjob/mock-api'
import { vi } from 'vitest'
import { createVideoClient } from '../src/client'
import { createManualEnvironment } from '../src/sync/environment'
import { createFetchTransport } from '../src/transport/fetch-transport'
import type { FetchTransportOptions } from '../src/transport/fetch-options'
import type { VideoClientOptions, VideoJobState } from '../src/types'

/** 2026-01-01T00:00:00Z: every test starts from the same instant. */
export const START = Date.UTC(2026, 0, 1)
export const BASE_URL = 'http://mock.local/v1'

/**
 * A client wired to the in-process mock API, with fake timers driving both (the mock's default clock
 * reads the faked `Date.now`). Jobs queue for 2 s and render for 20 s unless told otherwise.
 */
export function setup(
  options: {
    mock?: MockVideoApiOptions
    client?: Partial<VideoClientOptions>
    transport?: Omit<FetchTransportOptions, 'baseURL' | 'fetch'>
  } = {},
) {
  vi.useFakeTimers({ now: START })
  const api = createMockVideoApi({ queueMs: 2_000, renderMs: 20_000, ...options.mock })
  const transport = createFetchTransport({ baseURL: BASE_URL, fetch: api.fetch, ...options.transport })
  const environment = createManualEnvironment()
  const client = createVideoClient({ transport, environment, ...options.client })
  return {
    api,
    client,
    environment,
    transport,
    /** Moves both clocks forward and lets every resulting request settle. */
    advance: (ms: number) => vi.advanceTimersByTimeAsync(ms),
    /** Settles pending promises without moving time. */
    flush: () => vi.advanceTimersByTimeAsync(0),
    retrieves: (id?: string) => api.count({ endpoint: 'retrieve', ...(id ? { id } : {}) }),
    lists: () => api.count({ endpoint: 'list' }),
  }
}

/** Records every state a job emits. */
export function record(client: ReturnType<typeof setup>['client'], id: string) {
  const states: VideoJobState[] = []
  const subscription = client.job$(id).subscribe((state) => states.push(state))
  return { states, last: () => states.at(-1) as VideoJobState, unsubscribe: () => subscription.unsubscribe() }
}

/** {@link setup} with three jobs and a `list()` loaded and observed: `rows()` are its ids. */
export async function withList(latencyMs = 1_000) {
  const ctx = setup({ mock: { latencyMs } })
  const ids = [0, 1, 2].map((i) => ctx.api.jobs.create({ prompt: `v${i}` }).id)
  const list = ctx.client.list()
  list.state$.subscribe()
  await ctx.advance(latencyMs)
  return { ...ctx, ids, list, rows: () => list.getState().videos.map((v) => v.id) }
}
