import { IDLE_JOB_STATE } from '@vidjob/core/bindings'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isRef } from 'vue'
import { setup } from '../test/test-support'
import { useVideoContent } from './use-video-content'
import { useVideoJob } from './use-video-job'
import { useVideoList } from './use-video-list'
import { useCreateVideo } from './video-mutations'

afterEach(() => {
  vi.useRealTimers()
})

/** The fields a composable exposes as refs, besides `state`. */
function refKeys(result: object): string[] {
  return Object.entries(result)
    .filter(([key, value]) => key !== 'state' && isRef(value))
    .map(([key]) => key)
    .sort()
}

describe('a computed ref per field of the state', () => {
  it('covers every field of each state, so no documented ref is missing at run time', () => {
    const { inScope } = setup()
    const { scope, result } = inScope(() => ({
      job: useVideoJob('video_1'),
      idle: useVideoJob(null),
      list: useVideoList({ limit: 5 }),
      content: useVideoContent('video_1'),
      create: useCreateVideo(),
    }))
    const jobFields = Object.keys(IDLE_JOB_STATE).sort()
    expect(jobFields).toEqual([
      'error',
      'eta',
      'failure',
      'id',
      'isDeleted',
      'isLoading',
      'isPolling',
      'isTerminal',
      'progress',
      'status',
      'updatedAt',
      'video',
    ])
    expect(refKeys(result.job)).toEqual(jobFields)
    expect(refKeys(result.idle)).toEqual(jobFields)
    expect(refKeys(result.list)).toEqual([
      'error',
      'hasMore',
      'isFetchingNextPage',
      'isLoaded',
      'isLoading',
      'isLocalOnly',
      'videos',
    ])
    expect(refKeys(result.content)).toEqual(['error', 'isLoading', 'url'])
    expect(refKeys(result.create)).toEqual(['data', 'error', 'isPending', 'status', 'variables'])
    expect(result.job.progress.value).toBe(result.job.state.value.progress)
    scope.stop()
  })
})
