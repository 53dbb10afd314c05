import { describe, expect, it } from 'vitest'
import { createManualClock } from './clock'
import { createJobStore, type JobStoreOptions } from './job-store'

function setup(overrides: Partial<JobStoreOptions> = {}) {
  const clock = createManualClock()
  const jobs = createJobStore({ clock, seed: 1, queueMs: 2_000, renderMs: 20_000, failRate: 0, ...overrides })
  return { clock, jobs }
}

describe('createJobStore', () => {
  it('creates queued jobs with the spec defaults and video_ ids', () => {
    const { jobs, clock } = setup()
    const video = jobs.create({ prompt: 'a cat' })
    expect(video).toMatchObject({
      object: 'video',
      status: 'queued',
      progress: 0,
      model: 'sora-2',
      size: '720x1280',
      seconds: '4',
      prompt: 'a cat',
      remixed_from_video_id: null,
      created_at: clock.now() / 1000,
    })
    expect(video.id).toMatch(/^video_[0-9a-f]{24}$/)
  })

  it('derives ids and outcomes from the seed and the creation number', () => {
    const a = setup({ seed: 9, failRate: 0.5 }).jobs
    const b = setup({ seed: 9, failRate: 0.5 }).jobs
    const c = setup({ seed: 10, failRate: 0.5 }).jobs
    const ids = (jobs: typeof a) => Array.from({ length: 5 }, () => jobs.create({ prompt: 'p' }).id)
    const first = ids(a)
    expect(ids(b)).toEqual(first)
    expect(ids(c)).not.toEqual(first)
    expect(new Set(first).size).toBe(5)
  })

  it('fails every job at a seeded point between 10 and 90 when failRate is 1', () => {
    const { jobs, clock } = setup({ failRate: 1 })
    const ids = Array.from({ length: 20 }, () => jobs.create({ prompt: 'p' }).id)
    clock.advance(22_000)
    for (const id of ids) {
      const video = jobs.get(id)
      expect(video?.status).toBe('failed')
      expect(video?.progress).toBeGreaterThanOrEqual(10)
      expect(video?.progress).toBeLessThanOrEqual(90)
      expect(['video_generation_failed', 'moderation_blocked']).toContain(video?.error?.code)
    }
    const codes = new Set(ids.map((id) => jobs.get(id)?.error?.code))
    expect(codes).toEqual(new Set(['video_generation_failed', 'moderation_blocked']))
  })

  it('lets a seeded job choose its outcome, failure point and timings', () => {
    const { jobs, clock } = setup({ failRate: 1 })
    const ok = jobs.create({ prompt: 'p', outcome: 'completed', queueMs: 0, renderMs: 1_000 })
    const bad = jobs.create({
      prompt: 'p',
      queueMs: 0,
      renderMs: 9_900,
      outcome: { failAtProgress: 50, code: 'moderation_blocked', message: 'no' },
    })
    clock.advance(1_000)
    expect(jobs.get(ok.id)?.status).toBe('completed')
    clock.advance(4_000)
    expect(jobs.get(bad.id)).toMatchObject({
      status: 'failed',
      progress: 50,
      error: { code: 'moderation_blocked' },
    })
    expect(() => jobs.create({ prompt: 'p', outcome: { failAtProgress: 120 } })).toThrow(/failAtProgress/)
    expect(() => jobs.create({ prompt: 'p', renderMs: -5 })).toThrow(/renderMs/)
  })

  it('computes renderMs from the job and its own seeded stream', () => {
    const draws: number[] = []
    const { jobs, clock } = setup({
      queueMs: 0,
      renderMs: (job, random) => {
        draws.push(random())
        return Number(job.seconds) * 1_000
      },
    })
    const video = jobs.create({ prompt: 'p', seconds: '8' })
    setup({ renderMs: (_job, random) => draws.push(random()) }).jobs.create({ prompt: 'p' })
    expect(draws[0]).toBe(draws[1])
    clock.advance(7_999)
    expect(jobs.get(video.id)?.status).toBe('in_progress')
    clock.advance(1)
    expect(jobs.get(video.id)?.status).toBe('completed')
  })

  it('forces completion and failure now, keeping the progress reached', () => {
    const { jobs, clock } = setup()
    const a = jobs.create({ prompt: 'a' })
    const b = jobs.create({ prompt: 'b' })
    clock.advance(12_000)
    expect(jobs.complete(a.id)).toMatchObject({ status: 'completed', progress: 100 })
    const failed = jobs.fail(b.id, { message: 'stopped' })
    expect(failed).toMatchObject({
      status: 'failed',
      progress: 49,
      error: { code: 'video_generation_failed' },
    })
    expect(failed.error?.message).toBe('stopped')
    expect(jobs.complete(a.id).status).toBe('completed')
    expect(() => jobs.fail(a.id)).toThrow(/already ended 'completed'/)
    expect(() => jobs.complete('video_nope')).toThrow(/no such video/)
  })

  it("extends a completed video's expiry for every read from then on, lagging ones included", () => {
    const { jobs, clock } = setup()
    const a = jobs.create({ prompt: 'a' })
    const b = jobs.create({ prompt: 'b' })
    expect(() => jobs.extendExpiry(a.id, 60)).toThrow(/is queued; only a completed one expires/)
    const done = jobs.complete(a.id)
    clock.advance(5_000)
    expect(jobs.extendExpiry(a.id, 60).expires_at).toBe((done.expires_at ?? 0) + 60)
    expect(jobs.extendExpiry(a.id, 30).expires_at).toBe((done.expires_at ?? 0) + 90)
    expect(jobs.view(a.id)?.at(clock.now() - 5_000).expires_at).toBe((done.expires_at ?? 0) + 90)
    expect(jobs.get(b.id)?.expires_at).toBeNull()
    expect(() => jobs.extendExpiry(a.id, -1)).toThrow(/seconds/)
    expect(() => jobs.extendExpiry('video_nope', 1)).toThrow(/no such video/)
  })

  it('removes jobs from get/all/size but keeps them in the timeline', () => {
    const { jobs } = setup()
    const a = jobs.create({ prompt: 'a' })
    const b = jobs.create({ prompt: 'b' })
    expect(jobs.all().map((v) => v.id)).toEqual([a.id, b.id])
    expect(jobs.remove(a.id)).toBe(true)
    expect(jobs.remove(a.id)).toBe(false)
    expect(jobs.get(a.id)).toBeUndefined()
    expect(jobs.all().map((v) => v.id)).toEqual([b.id])
    expect(jobs.size).toBe(1)
    expect(jobs.timeline().map((r) => [r.plan.id, r.deleted])).toEqual([
      [a.id, true],
      [b.id, false],
    ])
  })

  it('records the remix source', () => {
    const { jobs } = setup()
    expect(jobs.add({ prompt: 'p', remixedFromVideoId: 'video_src' }).remixed_from_video_id).toBe('video_src')
  })
})
