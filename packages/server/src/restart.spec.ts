import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFetchTransport } from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { BASE, START } from '../test/relay-harness'
import { createVideoRelay } from './relay'
import { createSqliteStore } from './store/sqlite-store'

const dir = mkdtempSync(join(tmpdir(), 'vidjob-restart-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => vi.useRealTimers())

describe('a restarted relay', () => {
  it('loses nothing: lists, ownership and live jobs resume from the SQLite store', async () => {
    vi.useFakeTimers({ now: START })
    const api = createMockVideoApi({ queueMs: 2_000, renderMs: 20_000 })
    const path = join(dir, 'relay.db')
    const open = () =>
      createVideoRelay({
        upstream: createFetchTransport({ baseURL: 'http://upstream.local/v1', fetch: api.fetch }),
        store: createSqliteStore({ path }),
        authenticate: (request) => ({ id: request.headers.get('x-user') ?? 'nobody' }),
      })
    const as = (relay: ReturnType<typeof open>, user: string, path: string, init: RequestInit = {}) =>
      relay.handle(
        new Request(`${BASE}${path}`, {
          ...init,
          headers: { 'x-user': user, 'content-type': 'application/json' },
        }),
      )
    const first = open()
    const created = await as(first, 'ann', '/videos', { method: 'POST', body: '{"prompt":"survives"}' })
    const { id } = (await created.json()) as { id: string }
    await vi.advanceTimersByTimeAsync(5_000)
    await first.close()

    const second = open()
    await second.ready
    expect((await as(second, 'bob', `/videos/${id}`)).status).toBe(404)
    const list = (await (await as(second, 'ann', '/videos')).json()) as { data: { id: string }[] }
    expect(list.data.map((video) => video.id)).toEqual([id])
    const retrieves = api.count({ endpoint: 'retrieve' }) + api.count({ endpoint: 'list' })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(api.count({ endpoint: 'retrieve' }) + api.count({ endpoint: 'list' })).toBeGreaterThan(retrieves)
    const video = (await (await as(second, 'ann', `/videos/${id}`)).json()) as { status: string }
    expect(video.status).toBe('completed')
    await second.close()
  })
})
