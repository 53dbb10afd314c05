import type { MockJobs } from '@vidjob/mock-api'

/**
 * A first screen that shows every kind of row: finished videos to play and remix, and a failed one with
 * its reason. New jobs the visitor creates then render live above them.
 *
 * @example
 * seedDemoJobs(api.jobs)
 */
export function seedDemoJobs(jobs: MockJobs): void {
  const failed = jobs.create({
    prompt: 'A crowded stadium erupting as the home team scores, drone shot',
    seconds: '8',
  })
  jobs.fail(failed.id, {
    code: 'render_timeout',
    message:
      'Rendering took longer than the time allowed for this clip; try fewer seconds or a smaller size.',
  })
  for (const params of [
    { prompt: 'Time-lapse of a desert wildflower bloom at sunrise', size: '1280x720', seconds: '8' },
    { prompt: 'A paper boat drifting down a rain-soaked street at dusk, cinematic', seconds: '4' },
  ])
    jobs.complete(jobs.create(params).id)
}
