import { afterEach, describe, expect, it, vi } from 'vitest'
import { record, setup } from '../../test/harness'
import { VideoApiError } from '../errors'
import { jobReadable } from './job-readable'

afterEach(() => {
  vi.useRealTimers()
})

describe('jobReadable(client, id).getState(): the observed state', () => {
  it('is the state job$ starts with, as the same object, and the first request changes nothing', async () => {
    const { api, client, advance } = setup({ mock: { latencyMs: 500 } })
    const { id } = api.jobs.create({ prompt: 'x' })
    const observed = jobReadable(client, id).getState()
    expect(observed).toMatchObject({ id, video: undefined, isPolling: true, isLoading: true })
    expect(jobReadable(client, id).getState()).toBe(observed)
    expect(client.getJob(id)).toMatchObject({ isPolling: false, isLoading: false })
    expect(api.log).toHaveLength(0)
    const job = record(client, id)
    expect(job.states[0]).toBe(observed)
    await advance(0)
    expect(api.count({ endpoint: 'retrieve' })).toBe(1)
    expect(job.states).toEqual([observed])
    await advance(500)
    expect(job.states.map((s) => [s.isLoading, s.status])).toEqual([
      [true, undefined],
      [false, 'queued'],
    ])
  })

  it('adds only polling to a cached job, and is the state itself once observed or terminal', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    await client.ensureJob(id)
    const cached = client.getJob(id)
    const observed = jobReadable(client, id).getState()
    expect(observed).toEqual({ ...cached, isPolling: true })
    const job = record(client, id)
    expect(job.states[0]).toBe(observed)
    expect(jobReadable(client, id).getState()).toBe(client.getJob(id))
    await advance(60_000)
    expect(client.getJob(id).isTerminal).toBe(true)
    job.unsubscribe()
    expect(jobReadable(client, id).getState()).toBe(client.getJob(id))
  })

  it('after dispose is the plain state: nothing will poll it', () => {
    const { api, client } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    client.dispose()
    expect(jobReadable(client, id).getState()).toMatchObject({ isPolling: false, isLoading: false })
  })

  it('shows an error waiting out its backoff as not loading', async () => {
    const { api, client, advance } = setup()
    const { id } = api.jobs.create({ prompt: 'x' })
    api.faults.next({ type: 'error', status: 500 }, { endpoint: 'retrieve' })
    const job = record(client, id)
    await advance(0)
    expect(job.last()).toMatchObject({ isLoading: false, isPolling: true, error: expect.any(VideoApiError) })
  })
})
