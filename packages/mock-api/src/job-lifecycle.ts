/** The four statuses of the spec's `VideoStatus`. */
export type MockVideoStatus = 'queued' | 'in_progress' | 'completed' | 'failed'

/** Why a job failed, as in the spec's `Error-2`. */
export interface MockVideoError {
  code: string
  message: string
}

/** A video job exactly as the API sends it (the spec's `VideoResource`); times are integer seconds. */
export type MockVideo = {
  id: string
  object: 'video'
  status: MockVideoStatus
  progress: number
  created_at: number
  completed_at: number | null
  expires_at: number | null
  model: string
  size: string
  seconds: string
  prompt: string | null
  remixed_from_video_id: string | null
  error: MockVideoError | null
}

/** How a job ends unless forced: completing, or failing once its progress reaches `atProgress`. */
export type JobOutcome =
  { status: 'completed' } | { status: 'failed'; atProgress: number; error: MockVideoError }

/** An end imposed by `jobs.complete()` / `jobs.fail()` at `atMs`. */
export type ForcedEnd =
  | { status: 'completed'; atMs: number }
  | { status: 'failed'; atMs: number; progress: number; error: MockVideoError }

/** Everything needed to compute a job's state at any instant, so nothing has to tick. */
export interface JobPlan {
  id: string
  model: string
  size: string
  seconds: string
  prompt: string
  remixedFromVideoId: string | null
  createdAtMs: number
  queueMs: number
  renderMs: number
  outcome: JobOutcome
  forced?: ForcedEnd
  /** Seconds added to a completed video's lifetime by `jobs.extendExpiry()`. */
  expiryExtensionSeconds?: number
}

/** How long completed assets stay downloadable, like the hosted API (one day). */
export const ASSET_LIFETIME_SECONDS = 3600 * 24

/** Rendering reports at most 99 % until the job is really done. */
const MAX_RUNNING_PROGRESS = 99

/**
 * The video as it stands at `nowMs`: `queued` for `queueMs`, then `in_progress` with progress rising
 * linearly from 0 to 99 over `renderMs`, then `completed` (100) — or `failed` when progress reaches the
 * planned failure point.
 */
export function videoAt(plan: JobPlan, nowMs: number): MockVideo {
  const { forced } = plan
  if (forced && nowMs >= forced.atMs) {
    return forced.status === 'completed'
      ? completedVideo(plan, forced.atMs)
      : failedVideo(plan, forced.atMs, forced.progress, forced.error)
  }
  const startMs = plan.createdAtMs + plan.queueMs
  if (nowMs < startMs) return baseVideo(plan, 'queued', 0)
  const endMs = plannedEndMs(plan)
  if (nowMs < endMs) return baseVideo(plan, 'in_progress', runningProgress(plan, nowMs - startMs))
  return plan.outcome.status === 'completed'
    ? completedVideo(plan, endMs)
    : failedVideo(plan, endMs, plan.outcome.atProgress, plan.outcome.error)
}

/**
 * When the job would end on its own: after `renderMs` of rendering, or at the first ms where its
 * progress reaches the failure point.
 */
export function plannedEndMs(plan: JobPlan): number {
  const startMs = plan.createdAtMs + plan.queueMs
  if (plan.outcome.status === 'completed') return startMs + plan.renderMs
  return startMs + Math.ceil((plan.renderMs * plan.outcome.atProgress) / MAX_RUNNING_PROGRESS)
}

/** Whether a status is final (`completed` or `failed`). */
export function isTerminal(status: MockVideoStatus): boolean {
  return status === 'completed' || status === 'failed'
}

/** Only called while `0 <= elapsedMs < renderMs`, so `renderMs` is never 0 here. */
function runningProgress(plan: JobPlan, elapsedMs: number): number {
  return Math.min(MAX_RUNNING_PROGRESS, Math.floor((MAX_RUNNING_PROGRESS * elapsedMs) / plan.renderMs))
}

function completedVideo(plan: JobPlan, atMs: number): MockVideo {
  const completedAt = toSeconds(atMs)
  return {
    ...baseVideo(plan, 'completed', 100),
    completed_at: completedAt,
    expires_at: completedAt + ASSET_LIFETIME_SECONDS + (plan.expiryExtensionSeconds ?? 0),
  }
}

function failedVideo(plan: JobPlan, atMs: number, progress: number, error: MockVideoError): MockVideo {
  return { ...baseVideo(plan, 'failed', progress), completed_at: toSeconds(atMs), error: { ...error } }
}

function baseVideo(plan: JobPlan, status: MockVideoStatus, progress: number): MockVideo {
  return {
    id: plan.id,
    object: 'video',
    status,
    progress,
    created_at: toSeconds(plan.createdAtMs),
    completed_at: null,
    expires_at: null,
    model: plan.model,
    size: plan.size,
    seconds: plan.seconds,
    prompt: plan.prompt,
    remixed_from_video_id: plan.remixedFromVideoId,
    error: null,
  }
}

/** Whole seconds since the epoch, as the API's times are. */
export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000)
}
