import {
  createFetchTransport,
  createManualEnvironment,
  createVideoClient,
  type VideoClient,
  type VideoClientOptions,
} from '@vidjob/core'
import { createMockVideoApi, type MockVideoApi, type MockVideoApiOptions } from '@vidjob/mock-api'
import { mount, type VueWrapper } from '@vue/test-utils'
import { vi } from 'vitest'
import { createApp, effectScope, type Component, type EffectScope } from 'vue'
import { VideoClientPlugin } from './video-client-plugin'

/** 2026-01-01T00:00:00Z: every test starts from the same instant. @example vi.useFakeTimers({ now: START }) */
export const START = Date.UTC(2026, 0, 1)

/** What {@link setup} returns. @example const { api, inScope, advance }: Harness = setup() */
export interface Harness {
  api: MockVideoApi
  client: VideoClient
  /** Moves both clocks forward and lets every resulting request settle. */
  advance(ms: number): Promise<unknown>
  /** How many retrieve requests the mock received (for one id). */
  retrieves(id?: string): number
  /** Mounts a component in an app that has the client installed. */
  mountWithClient(component: Component, options?: { props?: Record<string, unknown> }): VueWrapper
  /** Runs `fn` in a bare effectScope that can inject the client, as a Pinia store does. */
  inScope<T>(fn: () => T): { scope: EffectScope; result: T }
}

/**
 * A client wired to the in-process mock API, fake timers driving both. Jobs queue for 2 s and render for
 * 20 s unless told otherwise. Helpers mount components and run bare scopes with the client provided.
 *
 * @example
 * const { api, mountWithClient, advance, retrieves } = setup({ client: { polling: { interval: 1_000 } } })
 */
export function setup(
  options: { mock?: MockVideoApiOptions; client?: Partial<VideoClientOptions> } = {},
): Harness {
  vi.useFakeTimers({ now: START })
  const api = createMockVideoApi({ queueMs: 2_000, renderMs: 20_000, ...options.mock })
  const transport = createFetchTransport({ baseURL: 'http://mock.local/v1', fetch: api.fetch })
  const client = createVideoClient({ transport, environment: createManualEnvironment(), ...options.client })
  return {
    api,
    client,
    advance: (ms) => vi.advanceTimersByTimeAsync(ms),
    retrieves: (id) => api.count({ endpoint: 'retrieve', ...(id ? { id } : {}) }),
    mountWithClient: (component, mountOptions = {}) =>
      mount(component, { ...mountOptions, global: { plugins: [[VideoClientPlugin, { client }]] } }),
    inScope: (fn) => runInScope(client, fn),
  }
}

function runInScope<T>(client: VideoClient, fn: () => T): { scope: EffectScope; result: T } {
  const app = createApp({ render: () => null }).use(VideoClientPlugin, { client })
  const scope = effectScope(true)
  const result = app.runWithContext(() => scope.run(fn)) as T
  return { scope, result }
}
