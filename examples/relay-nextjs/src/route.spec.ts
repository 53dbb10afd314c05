import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMockVideoApi } from '@vidjob/mock-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as RouteModule from '../app/api/videos/v1/[...path]/route'
import { signSession } from './session'

const SECRET = 'session-secret-for-tests'
const KEY = 'sk-next-example-key-0123456789'
const dir = mkdtempSync(join(tmpdir(), 'vidjob-relay-nextjs-'))
const api = createMockVideoApi({ apiKey: KEY })
let server: { url: string; close(): Promise<void> }
let route: typeof RouteModule

beforeAll(async () => {
  server = await api.listen(0, '127.0.0.1')
  process.env.VIDJOB_BASE_URL = server.url
  process.env.OPENAI_API_KEY = KEY
  process.env.SESSION_SECRET = SECRET
  process.env.VIDJOB_RELAY_DB = join(dir, 'relay.db')
  route = await import('../app/api/videos/v1/[...path]/route')
})

afterAll(async () => {
  await (globalThis as { vidjobRelay?: { close(): Promise<void> } }).vidjobRelay?.close()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

const url = (path: string) => `http://app.local/api/videos/v1${path}`
const session = async (user: string) => ({ cookie: `session=${await signSession(user, SECRET)}` })

describe('the Next.js route handler', () => {
  it('creates, lists and retrieves for the signed-in user, and 404s everyone else', async () => {
    const ann = await session('ann')
    const created = await route.POST(
      new Request(url('/videos'), {
        method: 'POST',
        headers: { ...ann, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'A lantern festival' }),
      }),
    )
    expect(created.status).toBe(200)
    const { id } = (await created.json()) as { id: string }
    const list = await route.GET(new Request(url('/videos'), { headers: ann }))
    const body = await list.text()
    expect(body).toContain(id)
    expect(body).not.toContain(KEY)
    const bob = await route.GET(new Request(url(`/videos/${id}`), { headers: await session('bob') }))
    expect(bob.status).toBe(404)
    const deleted = await route.DELETE(new Request(url(`/videos/${id}`), { method: 'DELETE', headers: ann }))
    expect(deleted.status).toBe(200)
  })

  it('refuses a forged or missing session, and anything outside the Videos API', async () => {
    const before = api.count()
    const forged = { cookie: `session=ann.${Buffer.from('not the signature').toString('base64url')}` }
    expect((await route.GET(new Request(url('/videos'), { headers: forged }))).status).toBe(401)
    expect((await route.GET(new Request(url('/videos')))).status).toBe(401)
    expect((await route.GET(new Request(url('/models'), { headers: await session('ann') }))).status).toBe(404)
    expect(api.count()).toBe(before)
  })
})
