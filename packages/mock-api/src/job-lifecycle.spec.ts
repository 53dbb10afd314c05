import { describe, expect, it } from 'vitest'
import {
  ASSET_LIFETIME_SECONDS,
  isTerminal,
  plannedEndMs,
  videoAt,
  type JobPlan,
  type MockVideoStatus,
} from './job-lifecycle'

const T0 = Date.UTC(2026, 0, 1)

function plan(overrides: Partial<JobPlan> = {}): JobPlan {
  return {
    id: 'video_a',
    model: 'sora-2',
    size: '720x1280',
    seconds: '4',
    prompt: 'a cat',
    remixedFromVideoId: null,
    createdAtMs: T0,
    queueMs: 2_000,
    renderMs: 9_900,
    outcome: { status: 'completed' },
    ...overrides,
  }
}

describe('videoAt', () => {
  it('stays queued with progress 0 for queueMs', () => {
    const video = videoAt(plan(), T0 + 1_999)
    expect(video).toMatchObject({ status: 'queued', progress: 0, completed_at: null, error: null })
    expect(video.created_at).toBe(T0 / 1000)
  })

  it('rises linearly through in_progress and never reports 100 before the end', () => {
    expect(videoAt(plan(), T0 + 2_000)).toMatchObject({ status: 'in_progress', progress: 0 })
    expect(videoAt(plan(), T0 + 2_000 + 4_950).progress).toBe(49)
    expect(videoAt(plan(), T0 + 2_000 + 9_899)).toMatchObject({ status: 'in_progress', progress: 98 })
  })

  it('completes exactly at queueMs + renderMs with completed_at and a one-day expiry', () => {
    const video = videoAt(plan(), T0 + 11_900)
    expect(video).toMatchObject({ status: 'completed', progress: 100 })
    expect(video.completed_at).toBe(Math.floor((T0 + 11_900) / 1000))
    expect(video.expires_at).toBe(Math.floor((T0 + 11_900) / 1000) + ASSET_LIFETIME_SECONDS)
  })

  it('fails at the first moment progress reaches the failure point', () => {
    const failing = plan({
      outcome: { status: 'failed', atProgress: 40, error: { code: 'x', message: 'boom' } },
    })
    const endMs = plannedEndMs(failing)
    expect(videoAt(failing, endMs - 1)).toMatchObject({ status: 'in_progress', progress: 39 })
    const failed = videoAt(failing, endMs)
    expect(failed).toMatchObject({ status: 'failed', progress: 40, error: { code: 'x', message: 'boom' } })
    expect(failed.completed_at).toBe(Math.floor(endMs / 1000))
    expect(failed.expires_at).toBeNull()
  })

  it('fails at the first ms where its completing twin reaches the failure point, not a ms early', () => {
    // 20 000 * 40 / 99 = 8080.8 ms: progress 40 is first reported at 8 081 ms into rendering.
    const twin = plan({ renderMs: 20_000 })
    const failing = plan({
      renderMs: 20_000,
      outcome: { status: 'failed', atProgress: 40, error: { code: 'x', message: 'boom' } },
    })
    const endMs = plannedEndMs(failing)
    expect(endMs).toBe(T0 + 2_000 + 8_081)
    expect(videoAt(twin, endMs - 1).progress).toBe(39)
    expect(videoAt(twin, endMs).progress).toBe(40)
    expect(videoAt(failing, endMs - 1)).toMatchObject({ status: 'in_progress', progress: 39 })
    expect(videoAt(failing, endMs)).toMatchObject({ status: 'failed', progress: 40 })
  })

  it('jumps to completed right after the queue when renderMs is 0', () => {
    expect(videoAt(plan({ renderMs: 0 }), T0 + 2_000).status).toBe('completed')
  })

  it('honours a forced end from its instant on', () => {
    const forced = plan({
      forced: { status: 'failed', atMs: T0 + 3_000, progress: 10, error: { code: 'c', message: 'm' } },
    })
    expect(videoAt(forced, T0 + 2_999).status).toBe('in_progress')
    expect(videoAt(forced, T0 + 3_000)).toMatchObject({
      status: 'failed',
      progress: 10,
      error: { code: 'c' },
    })
    const completed = videoAt(plan({ forced: { status: 'completed', atMs: T0 } }), T0)
    expect(completed).toMatchObject({ status: 'completed', progress: 100, completed_at: T0 / 1000 })
  })
})

describe('isTerminal', () => {
  it('is true only for completed and failed', () => {
    const statuses: MockVideoStatus[] = ['queued', 'in_progress', 'completed', 'failed']
    expect(statuses.map(isTerminal)).toEqual([false, false, true, true])
  })
})
