import { createFetchTransport } from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { createMemoryStore } from '@vidjob/server'
import { sign } from 'hono/jwt'
import { afterEach, describe, expect, it } from 'vitest'
import { createRelayApp } from './app'

const SECRET = 'test-secret-0123456789'
const KEY = 'sk-hono-example-key-0123456789'
let close: (() => Promise<void>) | undefined
afterEach(() => close?.())

function setup() {
  const api = createMockVideoApi({ apiKey: KEY })
  const { app, relay } = createRelayApp({
    upstream: createFetchTransport({ baseURL: 'http://upstream.local/v1', apiKey: KEY, fetch: api.fetch }),
    jwtSecret: SECRET,
    store: createMemoryStore(),
  })
  close = () => relay.close()
  const as = async (sub: string) => ({
    authorization: `Bearer ${await sign({ sub, exp: Math.floor(Date.now() / 1000) + 60 }, SECRET)}`,
  })
  return { app, api, as }
}

describe('the relay in a Hono app', () => {
  it('serves the Videos API to a signed-in user, scoped to them, with the key kept on the server', async () => {
    const { app, as } = setup()
    const ann = await as('ann')
    const created = await app.request('/api/videos/v1/videos', {
      method: 'POST',
      headers: { ...ann, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'A fox in the snow' }),
    })
    expect(created.status).toBe(200)
    const video = (await created.json()) as { id: string }
    const mine = await app.request(`/api/videos/v1/videos/${video.id}`, { headers: ann })
    expect(mine.status).toBe(200)
    const theirs = await app.request(`/api/videos/v1/videos/${video.id}`, { headers: await as('bob') })
    expect(theirs.status).toBe(404)
    const text = await (await app.request('/api/videos/v1/videos', { headers: ann })).text()
    expect(text).toContain(video.id)
    expect(text).not.toContain(KEY)
  })

  it('refuses a missing, forged or expired token, and serves no other upstream path', async () => {
    const { app, api } = setup()
    const forged = `Bearer ${await sign({ sub: 'ann' }, 'another-secret')}`
    const expired = `Bearer ${await sign({ sub: 'ann', exp: 1 }, SECRET)}`
    for (const authorization of [undefined, forged, expired]) {
      const headers: Record<string, string> = authorization ? { authorization } : {}
      expect((await app.request('/api/videos/v1/videos', { headers })).status).toBe(401)
    }
    expect((await app.request('/api/videos/v1/chat/completions', { method: 'POST' })).status).toBe(404)
    expect(api.count()).toBe(0)
  })
})
