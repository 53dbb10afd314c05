import { createEventSourceUpdates, createFetchTransport, createVideoClient } from '@vidjob/core'
import { VideoClientPlugin } from '@vidjob/vue'
import { createApp } from 'vue'
import App from './app.vue'
import './styles.css'

// Relative: the page's own server hosts the relay (@vidjob/server), which adds the key, shows each
// signed-in user only their own videos and streams their jobs; polls happen only while the stream is down.
const client = createVideoClient({
  transport: createFetchTransport({ baseURL: '/api/videos/v1' }),
  updates: createEventSourceUpdates({ url: '/api/videos/v1/videos/events' }),
})

createApp(App).use(VideoClientPlugin, { client }).mount('#app')
