import { describe, expect, it } from 'vitest'
import { startUpstream } from './api-upstream'

const relay = { storePath: ':memory:', adopt: false }

/** The first page of the upstream's `GET /videos`. */
async function listVideos(baseURL: string): Promise<unknown[]> {
  return ((await (await fetch(`${baseURL}/videos`)).json()) as { data: unknown[] }).data
}

describe('startUpstream', () => {
  it('starts the embedded mock on loopback, seeded with demo jobs, with its faults at hand', async () => {
    const upstream = await startUpstream({ kind: 'mock', mock: { queueMs: 0 }, seedDemoJobs: true, relay })
    try {
      expect(upstream.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
      expect(await listVideos(upstream.baseURL)).toHaveLength(3)
      expect(upstream.faults?.rules).toEqual([])
      expect(upstream.description).toContain(upstream.baseURL)
    } finally {
      await upstream.close()
    }
  })

  it('starts the mock empty when told to', async () => {
    const upstream = await startUpstream({ kind: 'mock', mock: {}, seedDemoJobs: false, relay })
    try {
      expect(await listVideos(upstream.baseURL)).toEqual([])
    } finally {
      await upstream.close()
    }
  })

  it('starts nothing for a remote server and never prints the key', async () => {
    const upstream = await startUpstream({
      kind: 'remote',
      baseURL: 'https://api.example.com/v1',
      apiKey: 'sk-secret',
      relay,
    })
    expect(upstream.baseURL).toBe('https://api.example.com/v1')
    expect(upstream.faults).toBeUndefined()
    expect(upstream.description).toContain('Authorization added server-side')
    expect(upstream.description).not.toContain('sk-secret')
    await upstream.close()
  })

  it('says so when no key is set', async () => {
    const upstream = await startUpstream({
      kind: 'remote',
      baseURL: 'http://127.0.0.1:4010/v1',
      apiKey: undefined,
      relay,
    })
    expect(upstream.description).toContain('no API key set')
  })
})
