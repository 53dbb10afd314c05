import type { MockClock } from './clock'
import {
  isTerminal,
  videoAt,
  type ForcedEnd,
  type JobOutcome,
  type JobPlan,
  type MockVideo,
  type MockVideoError,
} from './job-lifecycle'
import { MOCK_FAILURES, seededFailure } from './failures'
import type { CreateDefaults, JobView } from './profiles/profile'
import { createRandom, deriveSeed, randomInt, type Random } from './random'
import { assertIntegerIn, assertNonNegative } from './validation'

/** What a `renderMs` function is told about the job it times. */
export interface MockRenderJob {
  id: string
  model: string
  seconds: string
  size: string
}

/** Computes a job's rendering time; `random` is the job's own seeded stream. */
export type MockRenderMsFunction = (job: MockRenderJob, random: () => number) => number

/** How a seeded job ends: `'completed'`, or failing (at a seeded point unless `failAtProgress` is given). */
export type MockJobOutcome = 'completed' | { failAtProgress?: number; code?: string; message?: string }

/** Parameters of `jobs.create()`: a job seeded without HTTP, created at the clock's now. */
export interface MockJobCreateParams {
  prompt: string
  model?: string
  size?: string
  seconds?: string
  queueMs?: number
  renderMs?: number
  outcome?: MockJobOutcome
}

/** Direct access to the mock's jobs, to seed and steer scenarios without HTTP. */
export interface MockJobs {
  /** The true current state at the clock's now; `undefined` if unknown or deleted. */
  get(id: string): MockVideo | undefined
  /** Every job, oldest first, deleted ones excluded. */
  all(): MockVideo[]
  /** Seeds a job as if `POST /videos` had been called now. */
  create(params: MockJobCreateParams): MockVideo
  /** Forces a job to `completed` now. */
  complete(id: string): MockVideo
  /** Forces a job to `failed` now, at its current progress. */
  fail(id: string, error?: { code?: string; message?: string }): MockVideo
  /**
   * Keeps a completed video's assets downloadable `seconds` longer (its `expires_at` moves later), as a
   * server does that extends a video's lifetime. The change applies to every read from now on, a lagging
   * replica's included: a lag fault delays rendering, not this. Throws unless the video is completed.
   */
  extendExpiry(id: string, seconds: number): MockVideo
  /** Deletes a job (as `DELETE /videos/{id}`); `false` if it was unknown or already deleted. */
  remove(id: string): boolean
  /** How many jobs exist, deleted ones excluded. */
  readonly size: number
}

/** One job in creation order; deleted jobs stay so that list cursors keep their position. */
export interface JobRecord {
  readonly plan: JobPlan
  deleted: boolean
}

/** A new job as the HTTP handlers describe it. */
export interface NewJob extends MockJobCreateParams {
  remixedFromVideoId?: string
}

/** The {@link MockJobs} API plus what the HTTP handlers need. */
export interface JobStore extends MockJobs {
  /** Creates a job, remix source included. */
  add(job: NewJob): MockVideo
  /** Every job ever created, deleted ones included, oldest first. */
  timeline(): readonly JobRecord[]
  /** A live job's view (its state at any instant), for a server profile; `undefined` if unknown or deleted. */
  view(id: string): JobView | undefined
}

/** Settings every job inherits unless it overrides them. */
export interface JobStoreOptions {
  clock: MockClock
  seed: number
  queueMs: number
  renderMs: number | MockRenderMsFunction
  failRate: number
  /** The imitated server's own defaults (its model...), over the spec's. */
  defaults?: Partial<CreateDefaults> | undefined
}

/** Defaults of `POST /videos`, as documented in the spec. */
export const DEFAULT_VIDEO_PARAMS = { model: 'sora-2', size: '720x1280', seconds: '4' } as const

/**
 * The jobs of one mock API. A job is a plan fixed at creation (timings and outcome drawn from the
 * job's own seeded stream); its state is computed from the clock whenever it is read.
 */
export function createJobStore(options: JobStoreOptions): JobStore {
  const records: JobRecord[] = []
  const byId = new Map<string, JobRecord>()
  const now = (): number => options.clock.now()

  const live = (id: string): JobRecord | undefined => {
    const record = byId.get(id)
    return record && !record.deleted ? record : undefined
  }
  const liveOrThrow = (id: string, action: string): JobRecord => {
    const record = live(id)
    if (!record) throw new Error(`jobs.${action}('${id}'): no such video (unknown or deleted).`)
    return record
  }
  const end = (
    id: string,
    action: 'complete' | 'fail',
    force: (current: MockVideo) => ForcedEnd,
  ): MockVideo => {
    const record = liveOrThrow(id, action)
    const current = videoAt(record.plan, now())
    const target = action === 'complete' ? 'completed' : 'failed'
    if (current.status === target) return current
    if (isTerminal(current.status)) {
      throw new Error(`jobs.${action}('${id}'): the video already ended '${current.status}'.`)
    }
    record.plan.forced = force(current)
    return videoAt(record.plan, now())
  }

  const store: JobStore = {
    get: (id) => {
      const record = live(id)
      return record && videoAt(record.plan, now())
    },
    all: () => records.filter((record) => !record.deleted).map((record) => videoAt(record.plan, now())),
    create: (params) => store.add(params),
    add(job) {
      const seq = records.length + 1
      const plan = planJob(job, seq, now(), options)
      const record: JobRecord = { plan, deleted: false }
      records.push(record)
      byId.set(plan.id, record)
      return videoAt(plan, now())
    },
    complete: (id) => end(id, 'complete', () => ({ status: 'completed', atMs: now() })),
    fail: (id, error) =>
      end(id, 'fail', (current) => ({
        status: 'failed',
        atMs: now(),
        progress: current.progress,
        error: { ...MOCK_FAILURES.internal, ...definedOnly(error ?? {}) },
      })),
    extendExpiry(id, seconds) {
      const record = liveOrThrow(id, 'extendExpiry')
      assertNonNegative(seconds, 'seconds')
      const current = videoAt(record.plan, now())
      if (current.status !== 'completed')
        throw new Error(
          `jobs.extendExpiry('${id}'): the video is ${current.status}; only a completed one expires.`,
        )
      record.plan.expiryExtensionSeconds = (record.plan.expiryExtensionSeconds ?? 0) + seconds
      return videoAt(record.plan, now())
    },
    remove(id) {
      const record = live(id)
      if (!record) return false
      record.deleted = true
      return true
    },
    get size() {
      return records.filter((record) => !record.deleted).length
    },
    timeline: () => records,
    view: (id) => {
      const record = live(id)
      return record && jobView(record.plan)
    },
  }
  return store
}

/** The view of a job a profile presents: its id, creation time and state at any instant. */
export function jobView(plan: JobPlan): JobView {
  return { id: plan.id, createdAtMs: plan.createdAtMs, at: (ms) => videoAt(plan, ms) }
}

function planJob(job: NewJob, seq: number, createdAtMs: number, options: JobStoreOptions): JobPlan {
  const random = createRandom(deriveSeed(options.seed, 'job', seq))
  const id = videoId(random, seq)
  const defaults = { ...DEFAULT_VIDEO_PARAMS, ...options.defaults }
  const model = job.model ?? defaults.model
  const size = job.size ?? defaults.size
  const seconds = job.seconds ?? defaults.seconds
  // Drawn before anything optional, so a job's outcome depends only on the seed and its number.
  const outcome = planOutcome(job.outcome, random, options.failRate, () =>
    seededFailure(createRandom(deriveSeed(options.seed, 'failure', seq))),
  )
  const queueMs = job.queueMs ?? options.queueMs
  const renderMs =
    job.renderMs ??
    (typeof options.renderMs === 'function'
      ? options.renderMs({ id, model, seconds, size }, random)
      : options.renderMs)
  assertNonNegative(queueMs, 'queueMs')
  assertNonNegative(renderMs, 'renderMs')
  return {
    id,
    model,
    size,
    seconds,
    prompt: job.prompt,
    remixedFromVideoId: job.remixedFromVideoId ?? null,
    createdAtMs,
    queueMs,
    renderMs,
    outcome,
  }
}

function planOutcome(
  requested: MockJobOutcome | undefined,
  random: Random,
  failRate: number,
  failure: () => MockVideoError,
): JobOutcome {
  const seededFailure = random() < failRate
  const seededPoint = randomInt(random, 10, 90)
  if (requested === 'completed' || (requested === undefined && !seededFailure)) return { status: 'completed' }
  const atProgress = requested?.failAtProgress ?? seededPoint
  assertIntegerIn(atProgress, 0, 99, 'failAtProgress')
  if (typeof requested !== 'object') return { status: 'failed', atProgress, error: failure() }
  const { code, message } = requested
  return {
    status: 'failed',
    atProgress,
    error: { ...MOCK_FAILURES.internal, ...definedOnly({ code, message }) },
  }
}

/** The fields that are set, so an explicit `undefined` does not erase a default. */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>
}

/** `video_` + 24 characters: 16 seeded hex digits, then the creation number, which keeps ids unique. */
function videoId(random: Random, seq: number): string {
  const word = (): string =>
    Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0')
  return `video_${word()}${word()}${seq.toString(16).padStart(8, '0')}`
}
