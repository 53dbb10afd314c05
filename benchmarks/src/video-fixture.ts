import type { Video } from '@vidjob/core'

const CREATED_AT = 1_767_225_600

/**
 * The id of benchmark job `index`; ids sort like the API's newest-first order.
 *
 * @example benchVideoId(0) // 'video_bench_00000'
 */
export function benchVideoId(index: number): string {
  return `video_bench_${String(index).padStart(5, '0')}`
}

/**
 * A fresh, valid in-progress video object, shaped like the mock API's (every field of the spec), as
 * `JSON.parse` would hand it over: nothing is shared with another call's result.
 *
 * @example const video = benchVideo(3, 40)
 */
export function benchVideo(index: number, progress: number): Video {
  return {
    id: benchVideoId(index),
    object: 'video',
    status: 'in_progress',
    progress,
    created_at: CREATED_AT - index,
    completed_at: null,
    expires_at: null,
    model: 'sora-2',
    size: '720x1280',
    seconds: '8',
    prompt: `A paper boat drifting down a rainy street, take ${index}`,
    remixed_from_video_id: null,
    error: null,
  }
}
