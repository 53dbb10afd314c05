import type { Video, VideoStatus } from './video'

/**
 * What compatible servers send, turned into what the spec says, in one place, before validation and the
 * merge. The spec's own answers pass through untouched (the same object comes back).
 */

/**
 * Every status a compatible server was seen to send (lower-cased), and the spec's status it means. It has no
 * prototype, so any string a server sends can be looked up: `__proto__` or `constructor` is no status.
 */
export const PROVIDER_STATUSES: Readonly<Record<string, VideoStatus>> = {
  __proto__: null,
  queued: 'queued',
  pending: 'queued',
  submitted: 'queued',
  preprocessing: 'queued',
  not_start: 'queued',
  in_progress: 'in_progress',
  processing: 'in_progress',
  running: 'in_progress',
  generating: 'in_progress',
  completed: 'completed',
  succeeded: 'completed',
  success: 'completed',
  failed: 'failed',
  failure: 'failed',
  error: 'failed',
  cancelled: 'failed',
  canceled: 'failed',
  expired: 'failed',
  rejected: 'failed',
} as unknown as Record<string, VideoStatus>

/** What normalizing one body needs to know about its job. */
export interface NormalizeContext {
  /** The id the app asked about (a retrieve): the job's identity, whatever id the answer carries. */
  readonly requestedId?: string | undefined
  /** The app's id for an id a server answered with (an alias learned earlier), if it is one. */
  readonly idOf?: ((serverId: string) => string | undefined) | undefined
  /** The video known so far for an id: what a field the body leaves out keeps. */
  readonly cached?: ((id: string) => Video | undefined) | undefined
  /** Now, in seconds: the `created_at` of a job whose server gives none (default: the clock's). */
  readonly nowSeconds?: (() => number) | undefined
  /** What the app sent for this job (a create or remix), for the fields its answer leaves out. */
  readonly sent?: Readonly<Partial<Record<KeptField, string | undefined>>> | undefined
}

/**
 * Fields that describe what was asked for, which many servers leave out or send as `null` (new-api drops
 * the prompt, LiteLLM nulls the size): a value the client knows is kept rather than lost.
 */
export const KEPT_FIELDS = ['prompt', 'model', 'size', 'seconds', 'remixed_from_video_id'] as const
export type KeptField = (typeof KEPT_FIELDS)[number]

type Body = Record<string, unknown>

/**
 * A video body as the spec shapes it: provider statuses mapped to the four (the original kept in
 * `original_status`; an unknown one keeps the previous status, and polling goes on), a failure with no error
 * named after its status, `progress` as a number from 0 to 100 (null or missing: the last known; a string
 * such as `"30%"` read; a fraction below 1 taken as a share), numbers where strings are due, a missing
 * `created_at` the time the client first saw the job, and the id the app holds. Anything else is left for
 * the schema to judge.
 */
export function normalizeVideo(raw: unknown, context: NormalizeContext = {}): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw
  const body = raw as Body
  const id = identity(body, context)
  const previous = id === undefined ? undefined : context.cached?.(id)
  const patch: Body = {}
  if (id !== undefined && id !== body.id) patch.id = id
  if (body.object === undefined) patch.object = 'video'
  Object.assign(
    patch,
    statusPatch(body, previous),
    progressPatch(body, previous),
    keptPatch(body, previous, context),
  )
  if (!Number.isInteger(body.created_at)) patch.created_at = createdAt(body.created_at, previous, context)
  if (typeof body.seconds === 'number') patch.seconds = String(body.seconds)
  const error = errorPatch(body.error)
  if (error !== undefined) patch.error = error
  if ((body.error === undefined || body.error === null) && patch.status === 'failed')
    patch.error = failureOf(body.status)
  return Object.keys(patch).length === 0 ? raw : { ...body, ...patch }
}

/** The app's id for this job: the one asked about, or the one an alias points to, else the body's own. */
function identity(body: Body, context: NormalizeContext): string | undefined {
  if (context.requestedId !== undefined) return context.requestedId
  if (typeof body.id !== 'string') return undefined
  return context.idOf?.(body.id) ?? body.id
}

function statusPatch(body: Body, previous: Video | undefined): Body {
  const original = body.status
  const mapped = typeof original === 'string' ? PROVIDER_STATUSES[original.trim().toLowerCase()] : undefined
  if (mapped !== undefined && mapped === original) return {}
  // Unknown or missing: keep what was known (a job is never moved back), and go on polling.
  const status = mapped ?? previous?.status ?? 'queued'
  return original === undefined || original === null
    ? { status }
    : { status, original_status: String(original) }
}

function progressPatch(body: Body, previous: Video | undefined): Body {
  const value = body.progress
  if (typeof value === 'number' && Number.isFinite(value) && (value >= 1 || value === 0 || value < 0))
    return {}
  if (typeof value === 'number' && Number.isFinite(value)) return { progress: value * 100 }
  const parsed = typeof value === 'string' ? Number.parseFloat(value) : Number.NaN
  if (Number.isFinite(parsed)) return { progress: parsed }
  return { progress: previous?.progress ?? 0 }
}

/** A described field the body leaves out keeps what the cache (or, for a new job, the request) says. */
function keptPatch(body: Body, previous: Video | undefined, context: NormalizeContext): Body {
  const patch: Body = {}
  for (const field of KEPT_FIELDS) {
    if (body[field] !== undefined && body[field] !== null) continue
    const known = previous?.[field] ?? context.sent?.[field]
    if (known !== undefined && known !== null) patch[field] = known
  }
  return patch
}

function createdAt(value: unknown, previous: Video | undefined, context: NormalizeContext): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value)
  if (typeof value === 'string' && Number.isFinite(Date.parse(value)))
    return Math.floor(Date.parse(value) / 1000)
  return previous?.created_at ?? context.nowSeconds?.() ?? Math.floor(Date.now() / 1000)
}

/** `error.code` as a string (servers send numbers), and a message where only a code came. */
function errorPatch(error: unknown): Body | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, message } = error as Body
  const textCode = typeof code === 'number' ? String(code) : code
  const textMessage =
    typeof message === 'string' && message !== '' ? message : `The job failed (${String(textCode)}).`
  if (textCode === code && textMessage === message) return undefined
  return { ...(error as Body), code: textCode ?? 'unknown', message: textMessage }
}

/** The failure of a job that ended badly without saying why: named after the status it ended with. */
function failureOf(status: unknown): { code: string; message: string } {
  const named = typeof status === 'string' ? status.trim().toLowerCase() : 'failed'
  return { code: named, message: `The job ended '${named}' and the server gave no reason.` }
}
