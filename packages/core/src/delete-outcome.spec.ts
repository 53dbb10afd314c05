import { afterEach, describe, expect, it, vi } from 'vitest'
import { withList } from '../test/harness'
import { VideoApiError, VideoClientError } from './errors'
import type { VideoClient } from './types'

/** The `events$` of a client from now on, as type and id. */
function recordEvents(client: VideoClient): { type: string; id: string }[] {
  const events: { type: string; id: string }[] = []
  client.events$.subscribe(({ type, id }) => events.push({ type, id }))
  return events
}

afterEach(() => {
  vi.useRealTimers()
})

// A delete answered 404 or 5xx may or may not have been done by the server: a retrieve settles it.
describe('delete, when its answer leaves the outcome open', () => {
  it('counts a 404 as success once a retrieve confirms the video is gone', async () => {
    const { api, client, ids, advance } = await withList()
    api.jobs.remove(ids[2] as string)
    await Promise.all([client.delete(ids[2] as string), advance(2_000)])
    expect(client.getJob(ids[2] as string).isDeleted).toBe(true)
    expect(api.count({ endpoint: 'retrieve', id: ids[2] as string })).toBe(1)
  })

  it('rolls back a 404 when the video is still there (a server that has no delete route)', async () => {
    const { api, client, ids, rows, advance } = await withList()
    const before = rows()
    api.faults.next({ type: 'error', status: 404, message: 'Not Found' }, { endpoint: 'delete' })
    const outcome = client.delete(ids[2] as string).catch((e: unknown) => e)
    await advance(2_000)
    const error = await outcome
    expect(error).toBeInstanceOf(VideoClientError)
    expect((error as Error).message).toMatch(/yet the video is still there/)
    expect(rows()).toEqual(before)
    expect(client.getJob(ids[2] as string).isDeleted).toBe(false)
  })

  it('rolls back a 404 with the original error when the confirming retrieve fails too', async () => {
    const { api, client, ids, rows, advance } = await withList()
    const before = rows()
    api.faults.next({ type: 'error', status: 404, message: 'Not Found' }, { endpoint: 'delete' })
    api.faults.next({ type: 'error', status: 503, message: 'busy' }, { endpoint: 'retrieve' })
    const outcome = client.delete(ids[2] as string).catch((e: unknown) => e)
    await advance(2_000)
    const error = await outcome
    expect(error).toBeInstanceOf(VideoApiError)
    expect((error as VideoApiError).status).toBe(404)
    expect(rows()).toEqual(before)
  })

  it('takes a broken body from the confirming retrieve for no answer, not for the video still there', async () => {
    // Else one malformed answer would make the client believe the server has no delete route.
    const { api, client, ids, rows, advance } = await withList()
    const before = rows()
    api.faults.next({ type: 'error', status: 404, message: 'Not Found' }, { endpoint: 'delete' })
    api.faults.next({ type: 'schema' }, { endpoint: 'retrieve' })
    const outcome = client.delete(ids[2] as string).catch((e: unknown) => e)
    await advance(2_000)
    expect(await outcome).toMatchObject({ name: 'VideoApiError', status: 404 })
    expect(rows()).toEqual(before)
    await Promise.all([client.delete(ids[2] as string), advance(1_000)])
    expect(client.getJob(ids[2] as string).isDeleted).toBe(true)
  })

  it('looks after a 5xx whether the server deleted it anyway, and then succeeds', async () => {
    // The server did the delete and the answer was lost: the job (terminal, so no poll would ever look at
    // it again) ends deleted, told once on events$.
    const { api, client, ids, rows, advance } = await withList()
    const id = ids[1] as string
    api.jobs.complete(id)
    const events = recordEvents(client)
    api.faults.next({ type: 'error', status: 503, after: 'work' }, { endpoint: 'delete' })
    await Promise.all([client.delete(id), advance(2_000)])
    expect(api.log.slice(-2).map((entry) => [entry.endpoint, entry.status])).toEqual([
      ['delete', 503],
      ['retrieve', 404],
    ])
    expect(client.getJob(id).isDeleted).toBe(true)
    expect(rows()).not.toContain(id)
    expect(events).toEqual([{ type: 'deleted', id }])
  })

  it('rejects a 5xx whose look fails too, then keeps looking until the server says the video is gone', async () => {
    const { api, client, ids, rows, advance } = await withList()
    const id = ids[1] as string
    api.jobs.complete(id)
    const before = rows()
    const events = recordEvents(client)
    api.faults.next({ type: 'error', status: 503, after: 'work' }, { endpoint: 'delete' })
    api.faults.next({ type: 'error', status: 500 }, { endpoint: 'retrieve' })
    const outcome = client.delete(id).catch((e: unknown) => e)
    await advance(2_000)
    expect(await outcome).toMatchObject({ name: 'VideoApiError', status: 503 })
    expect(rows()).toEqual(before)
    expect(client.getJob(id).isDeleted).toBe(false)
    // The next look, after a backoff of at most the base delay (1 s), finds it gone. (A list poll that
    // no longer holds the row may send a retrieve of its own meanwhile: the confirmed delete aborts it.)
    const answered = () =>
      api.log.filter(
        (entry) => entry.endpoint === 'retrieve' && entry.id === id && entry.status !== 'aborted',
      ).length
    await advance(2_000)
    expect(answered()).toBe(2)
    expect(client.getJob(id).isDeleted).toBe(true)
    expect(rows()).not.toContain(id)
    expect(events.filter((event) => event.id === id)).toEqual([{ type: 'deleted', id }])
    const looks = api.count({ endpoint: 'retrieve', id })
    await advance(60_000)
    expect(api.count({ endpoint: 'retrieve', id })).toBe(looks)
  })

  it('stops looking once the video turns out to be there, and when the client is disposed', async () => {
    const { api, client, ids, advance } = await withList()
    const [kept, unknown] = [ids[1] as string, ids[2] as string]
    for (const id of [kept, unknown]) {
      api.jobs.complete(id)
      api.faults.next({ type: 'error', status: 503 }, { endpoint: 'delete', id })
    }
    api.faults.next({ type: 'error', status: 500 }, { endpoint: 'retrieve', id: kept })
    api.faults.add({ fault: { type: 'error', status: 500 }, endpoint: 'retrieve', id: unknown })
    const outcomes = [kept, unknown].map((id) => client.delete(id).catch((e: unknown) => e))
    await advance(2_000)
    expect(await Promise.all(outcomes)).toMatchObject([{ status: 503 }, { status: 503 }])
    await advance(60_000)
    // Found there on the second look: no more looks. Still unknown: looks go on, backing off.
    expect(api.count({ endpoint: 'retrieve', id: kept })).toBe(2)
    expect(client.getJob(kept).isDeleted).toBe(false)
    const looks = api.count({ endpoint: 'retrieve', id: unknown })
    expect(looks).toBeGreaterThan(3)
    expect(looks).toBeLessThan(10)
    client.dispose()
    expect(vi.getTimerCount()).toBe(0)
    await advance(120_000)
    expect(api.count({ endpoint: 'retrieve', id: unknown })).toBe(looks)
  })
})
