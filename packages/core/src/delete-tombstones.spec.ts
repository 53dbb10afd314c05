import { afterEach, describe, expect, it, vi } from 'vitest'
import { setup } from '../test/harness'

afterEach(() => {
  vi.useRealTimers()
})

describe('tombstones of deleted videos', () => {
  it('outlive every answer sent before the delete, so a late page cannot bring the video back', async () => {
    const { api, client, advance } = setup({ mock: { latencyMs: 100 } })
    const video = api.jobs.create({ prompt: 'x' })
    api.jobs.complete(video.id)
    api.faults.next({ type: 'reorder', ms: 10 * 60_000 }, { endpoint: 'list' })
    const list = client.list()
    const loading = list.refresh()
    await advance(200)
    const deleting = client.delete(video.id)
    await advance(200)
    await deleting
    // Long past gcTime and the prune interval: the page sent before the delete still holds its tombstone.
    await advance(9 * 60_000)
    expect(client.getJob(video.id).isDeleted).toBe(true)
    await advance(60_000)
    await loading
    expect(list.getState().videos).toEqual([])
    expect(client.getJob(video.id).isDeleted).toBe(true)
  })

  it('are freed once nothing holds the id and no earlier request can answer, and on dispose', async () => {
    const { api, client, advance } = setup()
    const ids = Array.from(
      { length: 50 },
      (_, i) => api.jobs.complete(api.jobs.create({ prompt: `v${i}` }).id).id,
    )
    await Promise.all(ids.map((id) => client.delete(id)))
    expect(ids.every((id) => client.getJob(id).isDeleted)).toBe(true)
    await advance(5 * 60_000 + 31_000)
    await client.refetch(ids[0] as string).catch(() => undefined)
    // Freed: the id is unknown again, and the server says it is not found (no video comes back).
    expect(client.getJob(ids[1] as string)).toMatchObject({ isDeleted: false, video: undefined })
    expect(client.getJob(ids[0] as string).video).toBeUndefined()
    client.dispose()
  })

  it('are all dropped on dispose, held or not', async () => {
    const { api, client } = setup()
    const id = api.jobs.complete(api.jobs.create({ prompt: 'x' }).id).id
    client.job$(id).subscribe()
    await client.delete(id)
    expect(client.getJob(id).isDeleted).toBe(true)
    client.dispose()
    expect(client.getJob(id).isDeleted).toBe(false)
  })
})
