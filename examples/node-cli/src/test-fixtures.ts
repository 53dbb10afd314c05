import type { Video, VideoJobState } from '@vidjob/core'
import { IDLE_JOB_STATE } from '@vidjob/core/bindings'

/** A video object as the API returns it. */
export function video(overrides: Partial<Video> = {}): Video {
  return {
    id: 'video_1',
    object: 'video',
    status: 'in_progress',
    progress: 0,
    created_at: 1_767_225_600,
    model: 'sora-2',
    size: '1280x720',
    seconds: '8',
    prompt: 'A calico cat playing a grand piano on stage, warm spotlight',
    ...overrides,
  } as Video
}

/** A job state as `client.job$()` emits it; `video` is built from `status`/`progress` unless given. */
export function jobState(overrides: Partial<VideoJobState> & { prompt?: string } = {}): VideoJobState {
  const { prompt, ...rest } = overrides
  const id = rest.id ?? 'video_1'
  const status = rest.status ?? 'in_progress'
  const progress = rest.progress ?? 0
  return {
    ...IDLE_JOB_STATE,
    id,
    status,
    progress,
    isPolling: true,
    video: video({ id, status, progress, ...(prompt === undefined ? {} : { prompt }) }),
    ...rest,
  }
}

/** One job of each kind, and a failure whose message is wider than most terminals. */
export const FOUR_JOBS: readonly VideoJobState[] = [
  jobState({
    id: 'video_q',
    status: 'queued',
    prompt: 'Paper boats racing down a rainy street gutter, macro lens',
  }),
  jobState({ id: 'video_r', status: 'in_progress', progress: 50, eta: 9_500 }),
  jobState({
    id: 'video_f',
    status: 'failed',
    progress: 87,
    isTerminal: true,
    isPolling: false,
    prompt: 'A lighthouse at dusk as a storm rolls in, cinematic',
    failure: {
      code: 'video_generation_failed',
      message:
        'Video generation failed at 87% (simulated by the mock API). Create the video again, or lower failRate.',
    },
  }),
  jobState({
    id: 'video_c',
    status: 'completed',
    progress: 100,
    isTerminal: true,
    isPolling: false,
    prompt: 'Time-lapse of a city skyline from day to night',
  }),
]
