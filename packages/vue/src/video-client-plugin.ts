import type { VideoClient } from '@vidjob/core'
import { hasInjectionContext, inject, provide, type InjectionKey, type Plugin } from 'vue'

/** Where the client is provided. Exported so tests and libraries can provide or inject it themselves. */
export const VIDEO_CLIENT_KEY: InjectionKey<VideoClient> = Symbol('vidjob.videoClient')

/** Options of {@link VideoClientPlugin}. */
export interface VideoClientPluginOptions {
  /** The client every composable of the app uses. The app does not dispose it: its creator does. */
  client: VideoClient
}

/**
 * What goes wrong when a composable runs outside an app that provides a client, or outside any scope
 * that could release its subscriptions, and how to fix both.
 */
export const NO_CLIENT_OR_SCOPE =
  'vidjob found no video client or scope: install one with app.use(VideoClientPlugin, { client }) or ' +
  'provideVideoClient(client), and call its composables inside setup(), a Pinia store, an effectScope() ' +
  'or app.runWithContext().'

/**
 * Makes a video client available to every component (and Pinia store) of an app.
 *
 * @example
 * const client = createVideoClient({ transport: createFetchTransport({ baseURL: '/api/videos/v1' }) })
 * createApp(App).use(VideoClientPlugin, { client }).mount('#app')
 */
export const VideoClientPlugin: Plugin<[VideoClientPluginOptions]> = {
  install(app, options) {
    if (!options?.client) throw new TypeError(NO_CLIENT_OR_SCOPE)
    app.provide(VIDEO_CLIENT_KEY, options.client)
  },
}

/**
 * Provides a client to the calling component's descendants (for a subtree, or a test, that needs its own).
 * Call it in `setup()`.
 *
 * @example
 * // <script setup>
 * provideVideoClient(createVideoClient({ transport }))
 */
export function provideVideoClient(client: VideoClient): void {
  provide(VIDEO_CLIENT_KEY, client)
}

/**
 * The provided client. Throws a message that says how to fix it when none is provided or when called
 * outside `setup()`, an `app.runWithContext()` callback or a Pinia store.
 *
 * @example
 * const client = useVideoClient()
 * await client.refetch(id)
 */
export function useVideoClient(): VideoClient {
  const client = hasInjectionContext() ? inject(VIDEO_CLIENT_KEY, null) : null
  if (client) return client
  throw new Error(NO_CLIENT_OR_SCOPE)
}
