import { createVideoClient, type VideoClient, type VideoTransport } from '@vidjob/core'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createApp, defineComponent, effectScope, h, shallowRef } from 'vue'
import { provideVideoClient, useVideoClient, VideoClientPlugin } from './video-client-plugin'

const transport = {} as VideoTransport
const appClient = createVideoClient({ transport })
const subtreeClient = createVideoClient({ transport })

function probe() {
  const seen = shallowRef<VideoClient>()
  const Probe = defineComponent({
    setup() {
      seen.value = useVideoClient()
      return () => null
    },
  })
  return { seen, Probe }
}

describe('VideoClientPlugin / provideVideoClient / useVideoClient', () => {
  it('provides the client to every component of the app', () => {
    const { seen, Probe } = probe()
    mount(Probe, { global: { plugins: [[VideoClientPlugin, { client: appClient }]] } })
    expect(seen.value).toBe(appClient)
  })

  it('lets a component provide its own client to its subtree', () => {
    const { seen, Probe } = probe()
    const Subtree = defineComponent({
      setup() {
        provideVideoClient(subtreeClient)
        return () => h(Probe)
      },
    })
    mount(Subtree, { global: { plugins: [[VideoClientPlugin, { client: appClient }]] } })
    expect(seen.value).toBe(subtreeClient)
  })

  it('is reachable from a store-like scope run in the app context', () => {
    const app = createApp({ render: () => null }).use(VideoClientPlugin, { client: appClient })
    expect(app.runWithContext(() => effectScope().run(useVideoClient))).toBe(appClient)
  })

  it('says how to fix a missing client', () => {
    const { Probe } = probe()
    expect(() => mount(Probe)).toThrow(/app\.use\(VideoClientPlugin, \{ client \}\)/)
    expect(() => useVideoClient()).toThrow(/inside setup\(\), a Pinia store/)
  })

  it('refuses to install without a client', () => {
    const app = createApp({ render: () => null })
    expect(() => app.use(VideoClientPlugin, {} as { client: VideoClient })).toThrow(TypeError)
  })
})
