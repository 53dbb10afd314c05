import { serve } from '@hono/node-server'
import { createFetchTransport } from '@vidjob/core'
import { createSqliteStore } from '@vidjob/server'
import { createRelayApp } from './app'

// Run: OPENAI_API_KEY=sk-... JWT_SECRET=... VIDJOB_BASE_URL=https://api.openai.com/v1 pnpm start
const { app, relay } = createRelayApp({
  upstream: createFetchTransport({
    baseURL: process.env.VIDJOB_BASE_URL ?? 'https://api.openai.com/v1',
    apiKey: process.env.OPENAI_API_KEY,
    timeoutMs: 30_000,
  }),
  jwtSecret: process.env.JWT_SECRET ?? 'change-me',
  store: createSqliteStore({ path: '.vidjob/relay.db' }),
})
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' })
process.once('SIGTERM', () => void relay.close().then(() => server.close()))
