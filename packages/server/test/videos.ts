import type { Video } from '@vidjob/core'

/** A valid video object for tests: queued at `created_at` 1000 unless told otherwise. */
export function video(id: string, overrides: Partial<Video> = {}): Video {
  return {
    id,
    object: 'video',
    status: 'queued',
    progress: 0,
    created_at: 1_000,
    model: 'sora-2',
    size: '720x1280',
    seconds: '4',
    prompt: `prompt of ${id}`,
    completed_at: null,
    expires_at: null,
    remixed_from_video_id: null,
    error: null,
    ...overrides,
  } as Video
}
