import { afterEach, describe, expect, it, vi } from 'vitest'
import { setup } from '../../test/harness'
import { VideoApiError } from '../errors'
import { videoContent$, type VideoContentState } from './content'

afterEach(() => {
  vi.useRealTimers()
})

describe('videoContent$', () => {
  it('waits for completion, downloads once, and revokes the URL on unsubscribe', async () => {
    const { api, client, advance } = setup()
    const created = vi.spyOn(URL, 'createObjectURL')
    const revoked = vi.spyOn(URL, 'revokeObjectURL')
    const { id } = api.jobs.create({ prompt: 'x' })
    const states: VideoContentState[] = []
    const sub = videoContent$(client, id, { variant: 'thumbnail' }).subscribe((s) => states.push(s))
    expect(states.at(-1)).toEqual({ url: undefined, isLoading: false, error: undefined })
    await advance(30_000)
    const url = states.at(-1)?.url as string
    expect(url).toMatch(/^blob:/)
    expect(states.some((s) => s.isLoading)).toBe(true)
    expect(api.count({ endpoint: 'content' })).toBe(1)
    expect(created).toHaveBeenCalledTimes(1)
    sub.unsubscribe()
    expect(revoked).toHaveBeenCalledWith(url)
  })

  it('aborts a download in flight when unsubscribed, and reports failures as state', async () => {
    const { api, client, advance } = setup({ mock: { latencyMs: 1_000 } })
    const { id } = api.jobs.complete(api.jobs.create({ prompt: 'x' }).id)
    const sub = videoContent$(client, id).subscribe()
    await advance(1_500)
    sub.unsubscribe()
    await advance(2_000)
    expect(api.log.find((e) => e.endpoint === 'content')?.status).toBe('aborted')
    api.faults.next({ type: 'error', status: 500 }, { endpoint: 'content' })
    const states: VideoContentState[] = []
    videoContent$(client, id).subscribe((s) => states.push(s))
    await advance(1_000)
    expect(states.at(-1)?.error).toBeInstanceOf(VideoApiError)
  })
})
