import { afterEach, describe, expect, it, vi } from 'vitest'
import { recordWire, type WireRecorder } from '../../soak/wire-recorder'
import { makeVideo } from '../../test/fixtures'
import { BASE_URL, setup } from '../../test/harness'
import { createVideoClient } from '../client'
import { createManualEnvironment } from '../sync/environment'
import { VideoApiError } from '../errors'
import { createFetchTransport } from '../transport/fetch-transport'
import { ListPages } from '../list/list-pages'
import { VideoStore } from './video-store'

/**
 * Minimal, deterministic reproductions of the bugs the soak and the property-based tests found. Each
 * fails until core is fixed; none may be weakened to pass.
 */

afterEach(() => {
  vi.useRealTimers()
})

function storeWithLists() {
  const now = (): number => 0
  const store = new VideoStore({ now })
  return { store, desc: new ListPages(store, 'desc', { now }), asc: new ListPages(store, 'asc', { now }) }
}

function ids(list: { getState(): { videos: readonly { id: string }[] } }): string[] {
  return list.getState().videos.map((video) => video.id)
}

/** A client over the mock whose answers wait until the test delivers them, in any order. */
function heldClient(mock: Parameters<typeof setup>[0] = {}, gcTime?: number) {
  const { api } = setup(mock)
  const wire = recordWire(api.fetch, { now: () => Date.now(), hold: true })
  const client = createVideoClient({
    transport: createFetchTransport({ baseURL: BASE_URL, fetch: wire.fetch }),
    environment: createManualEnvironment(),
    ...(gcTime === undefined ? {} : { gcTime }),
  })
  const deliver = async (index: number): Promise<void> => {
    wire.held[index]?.deliver()
    await vi.advanceTimersByTimeAsync(0)
  }
  return { api, client, wire, deliver }
}

async function started(wire: WireRecorder, count: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(0)
  expect(wire.held).toHaveLength(count)
}

describe('cursor order: created videos that answer out of order', () => {
  // Found by store.property.spec.ts and client.property.spec.ts ("list out of cursor order").
  it('ListPages.insertCreated places a video by its creation time, not at the very edge', () => {
    const { store, desc, asc } = storeWithLists()
    const [existing, first, second] = [makeVideo(), makeVideo(), makeVideo()]
    store.batch(() => {
      store.merge(existing, 1)
      for (const list of [desc, asc]) list.replacePages([{ ids: [existing.id], lastId: existing.id }], false)
    })
    // `first` was created on the server before `second`, but its create answer arrives last.
    for (const video of [second, first])
      store.batch(() => {
        store.merge(video, 2)
        desc.insertCreated(video.id)
        asc.insertCreated(video.id)
      })
    expect(ids(desc)).toEqual([second.id, first.id, existing.id])
    expect(ids(asc)).toEqual([existing.id, first.id, second.id])
  })

  // Found by a fresh seed of store.property.spec.ts (1623369807): an asc list out of cursor order.
  it('a next page takes back the rows created here that were placed past its cursor', () => {
    const { store, asc } = storeWithLists()
    const [a, b, older, newer, newest] = [makeVideo(), makeVideo(), makeVideo(), makeVideo(), makeVideo()]
    store.batch(() => {
      for (const video of [a, b]) store.merge(video, 1)
      // A refresh that said "no more" landed after the next page below went out.
      asc.replacePages([{ ids: [a.id, b.id], lastId: b.id }], false)
    })
    for (const video of [newer, newest])
      store.batch(() => {
        store.merge(video, 2)
        asc.insertCreated(video.id)
      })
    expect(ids(asc)).toEqual([a.id, b.id, newer.id, newest.id])
    // The page after `b` holds `older` (created elsewhere, before `newer`) and `newer`, and says more follow.
    store.batch(() => {
      store.merge(older, 3)
      asc.appendPage({ ids: [older.id, newer.id], lastId: newer.id }, true, b.id)
    })
    // `newest` is past the loaded rows of a list with more: left to the page that holds it.
    expect(ids(asc)).toEqual([a.id, b.id, older.id, newer.id])
    expect(asc.cursor).toBe(newer.id)
    store.batch(() => asc.appendPage({ ids: [newest.id], lastId: newest.id }, false, newer.id))
    expect(ids(asc)).toEqual([a.id, b.id, older.id, newer.id, newest.id])
  })

  it('through the client: two creates whose answers cross keep the desc list in cursor order', async () => {
    const { api, client, wire, deliver } = heldClient()
    const existing = api.jobs.create({ prompt: 'existing' })
    const list = client.list()
    const loaded = list.refresh()
    await started(wire, 1)
    await deliver(0)
    await loaded
    const first = client.create({ prompt: 'first' })
    await vi.advanceTimersByTimeAsync(2_000)
    const second = client.create({ prompt: 'second' })
    await started(wire, 2)
    await deliver(1)
    await deliver(0)
    const [a, b] = await Promise.all([first, second])
    expect(ids(list)).toEqual([b.id, a.id, existing.id])
  })
})

describe('cursor pages leave no hole', () => {
  // Found by client.property.spec.ts ("list skips ... between ..."): VideoList.refresh does not wait for
  // (or cancel) a fetchNextPage in flight, whose cursor belongs to the pages the refresh replaces.
  it('a next page that lands after a refresh does not append past a row it never loaded', async () => {
    const { api, client, advance } = setup()
    for (let i = 0; i < 5; i++) {
      api.jobs.create({ prompt: `video ${i}` })
      vi.advanceTimersByTime(1_000)
    }
    const list = client.list({ limit: 2 })
    list.state$.subscribe()
    await advance(0)
    api.faults.next({ type: 'latency', ms: 3_000 }, { endpoint: 'list' })
    const next = list.fetchNextPage()
    await advance(1_000)
    api.jobs.create({ prompt: 'newest' })
    await list.refresh()
    await advance(3_000)
    await next
    const server = api.jobs
      .all()
      .map((video) => video.id)
      .reverse()
    expect(ids(list)).toEqual(server.slice(0, ids(list).length))
  })
})

describe('exact rollback of a failed delete', () => {
  // Found by store.property.spec.ts ("did not take ... back at its place"): VideoStore.merge refuses data
  // for an id whose delete is only pending, so a row whose page arrived meanwhile has no video to show.
  it('brings back a row whose page arrived while the delete was pending', () => {
    const { store, desc } = storeWithLists()
    const video = makeVideo()
    store.markDeleted(video.id)
    store.batch(() => {
      store.merge(video, 1)
      desc.replacePages([{ ids: [video.id], lastId: video.id }], false)
    })
    store.restore(video.id)
    expect(ids(desc)).toEqual([video.id])
    expect(store.getState(video.id)).toMatchObject({ isDeleted: false, status: 'queued' })
  })
})

describe('waitForCompletion', () => {
  // Found by the soak ("waitForCompletion(...) rejected ... was deleted before it completed, but the job
  // ended completed"): the optimistic isDeleted settles the wait before the delete is confirmed.
  it('keeps waiting through a delete that fails, and resolves when the job completes', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    const done = client.waitForCompletion(id).then(
      (video) => video.status,
      (error: unknown) => error,
    )
    await advance(0)
    api.faults.next({ type: 'error', status: 500 }, { endpoint: 'delete' })
    await expect(client.delete(id)).rejects.toBeInstanceOf(VideoApiError)
    await advance(30_000)
    expect(await done).toBe('completed')
  })
})

describe('forward-only progress across garbage collection', () => {
  // Found while probing the client property test's GC path: an answer to a request started before a
  // job's entry was collected fills the new entry with data older than what subscribers already saw.
  it('a page that started before the entry was collected does not show older progress', async () => {
    const { api, client, wire, deliver } = heldClient({ mock: { queueMs: 0, renderMs: 100_000 } }, 10_000)
    const { id } = api.jobs.create({ prompt: 'x' })
    await vi.advanceTimersByTimeAsync(10_000)
    const refreshing = client.list().refresh()
    await started(wire, 1)
    await vi.advanceTimersByTimeAsync(20_000)
    const seen: number[] = []
    const first = client.job$(id).subscribe((state) => seen.push(state.progress))
    await started(wire, 2)
    await deliver(1)
    first.unsubscribe()
    await vi.advanceTimersByTimeAsync(15_000)
    await deliver(0)
    await refreshing
    client
      .job$(id)
      .subscribe((state) => seen.push(state.progress))
      .unsubscribe()
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })
})

describe('dispose stops every request', () => {
  // The soak's dispose check, pointed at mutations: they send without the client's abort signal.
  it('aborts a create in flight', async () => {
    const { api, client, advance } = setup({ mock: { latencyMs: 1_000 } })
    const creating = client.create({ prompt: 'x' })
    const outcome = creating.then(
      () => 'resolved',
      () => 'rejected',
    )
    await advance(10)
    client.dispose()
    expect(vi.getTimerCount()).toBe(0)
    await advance(0)
    expect(api.log.map((entry) => entry.status)).toEqual(['aborted'])
    expect(await outcome).toBe('rejected')
  })

  it('settles a create that was waiting out a 429 pause', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    api.faults.next({ type: 'rate-limit', retryAfterMs: 10_000 })
    await client.refetch(id)
    let outcome = 'pending'
    client.create({ prompt: 'later' }).then(
      () => (outcome = 'resolved'),
      () => (outcome = 'rejected'),
    )
    await advance(1_000)
    client.dispose()
    await advance(20_000)
    expect(outcome).toBe('rejected')
  })
})
