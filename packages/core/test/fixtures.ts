import type { Video } from '../src/schema/video'

let counter = 0

/** A valid video with sensible defaults; override any field. */
export function makeVideo(overrides: Partial<Video> = {}): Video {
  counter++
  return {
    id: `video_${counter}`,
    object: 'video',
    status: 'queued',
    progress: 0,
    created_at: 1_767_225_600 + counter,
    model: 'sora-2',
    size: '720x1280',
    seconds: '4',
    completed_at: null,
    expires_at: null,
    prompt: 'a test prompt',
    remixed_from_video_id: null,
    error: null,
    ...overrides,
  }
}
