import type { VideoClient } from '@vidjob/core'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createApp, effectScope, type Component, type EffectScope } from 'vue'
import { setup as setupCore } from '../../core/test/harness'
import { VideoClientPlugin } from '../src/video-client-plugin'

/**
 * What {@link setup} returns: core's harness (`api`, `client`, `advance`, `retrieves`, ...) plus ways to
 * run Vue code with its client.
 */
export type Harness = ReturnType<typeof setupCore> & {
  /** Mounts a component in an app that has the client installed. */
  mountWithClient(component: Component, options?: { props?: Record<string, unknown> }): VueWrapper
  /** Runs `fn` in a bare effectScope that can inject the client, as a Pinia store does. */
  inScope<T>(fn: () => T): { scope: EffectScope; result: T }
}

/**
 * Core's harness (a client on the in-process mock API, fake timers driving both; jobs queue for 2 s and
 * render for 20 s unless told otherwise), with helpers that mount components and run bare scopes with the
 * client provided.
 */
export function setup(options: Parameters<typeof setupCore>[0] = {}): Harness {
  const harness = setupCore(options)
  const { client } = harness
  return {
    ...harness,
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
