import { createMockVideoApi } from '@vidjob/mock-api'
import { describe, expect, it } from 'vitest'
import { seedDemoJobs } from './demo-jobs'

describe('seedDemoJobs', () => {
  it('leaves a failed job with its reason and two finished videos, oldest first', () => {
    const { jobs } = createMockVideoApi({ clock: 'manual' })
    seedDemoJobs(jobs)
    const seeded = jobs.all()
    expect(seeded.map((video) => video.status)).toEqual(['failed', 'completed', 'completed'])
    expect(seeded[0]?.error).toMatchObject({
      code: 'render_timeout',
      message: expect.stringMatching(/longer/),
    })
    expect(seeded.every((video) => video.prompt)).toBe(true)
  })
})
