import { createFetchTransport, createVideoClient } from '@vidjob/core'
import { VideoClientPlugin } from '@vidjob/vue'
import { createApp } from 'vue'
import App from './app.vue'
import './styles.css'

// Relative: the page's own server proxies it to the mock or a real API and adds any key there.
const client = createVideoClient({ transport: createFetchTransport({ baseURL: '/api/videos/v1' }) })

createApp(App).use(VideoClientPlugin, { client }).mount('#app')
