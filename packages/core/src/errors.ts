import type * as z from 'zod/mini'
import type { Video } from './schema/video'

/**
 * The error catalogue. Every failure vidjob reports is one of these, so UIs can branch on `instanceof`
 * and show a message a person can act on. See `docs/errors.md` for why each happens and how to fix it.
 *
 * Fields set by a constructor are `declare`d: the constructor assigns them in declaration order, so an
 * instance has the same own properties, without a define-then-assign pair per field in the output.
 */

/** The base of every vidjob error. */
export class VideoClientError extends Error {
  override name = 'VideoClientError'

  /**
   * What `JSON.stringify(error)` writes: the name, the message, every field, and the `cause` chain as
   * `{ name, message }` (an `Error`'s own `message` and `cause` are not enumerable, so they would be lost).
   * Fields built from an answer are redacted by the transports before the error is thrown.
   */
  toJSON(): Record<string, unknown> {
    const fields = { ...this } as Record<string, unknown>
    const json: Record<string, unknown> = { ...fields, name: this.name, message: this.message }
    if (this.cause !== undefined) json.cause = describeCause(this.cause, 0)
    return json
  }
}

/** How deep {@link VideoClientError.toJSON} follows a `cause` chain. */
const MAX_CAUSE_DEPTH = 4

function describeCause(cause: unknown, depth: number): unknown {
  if (!(cause instanceof Error)) return typeof cause === 'object' && cause !== null ? String(cause) : cause
  const json: Record<string, unknown> = { name: cause.name, message: cause.message }
  if (cause.cause !== undefined && depth < MAX_CAUSE_DEPTH) json.cause = describeCause(cause.cause, depth + 1)
  return json
}

/**
 * A transport option is wrong (refused when the transport is created) or one of its functions failed
 * when a request was being prepared (`apiKey`, `headers`, `normalize`); nothing was sent then. `option`
 * names it; the message never quotes its values, which may be credentials. A failed function's own
 * error is the `cause`.
 */
export class VideoConfigError extends VideoClientError {
  override name = 'VideoConfigError'
  /** The option at fault, e.g. `'headers'`, `'apiKey'`, `'baseURL'`, `'maxBodyBytes'`. */
  declare readonly option: string

  constructor(option: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.option = option
  }
}

/** What a server may lack (see `VideoServerCapabilities`). */
export type VideoCapability = 'list' | 'delete' | 'contentVariants'

/**
 * The server cannot do what was asked: declared so (`createVideoClient({ capabilities })`), or learned from
 * an answer (a 405 on DELETE, a 404 for a video still there, a video served for a thumbnail). Nothing was
 * sent, unless this is the answer that showed it (then it is the `cause`).
 */
export class VideoUnsupportedError extends VideoClientError {
  override name = 'VideoUnsupportedError'
  /** What the server lacks. */
  declare readonly capability: VideoCapability

  constructor(capability: VideoCapability, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.capability = capability
  }
}

/** Fields of a {@link VideoApiError}, as read from the answer. */
export interface VideoApiErrorInit {
  status: number
  message: string
  code?: string | null | undefined
  type?: string | null | undefined
  param?: string | null | undefined
  requestId?: string | undefined
  retryAfterMs?: number | undefined
  requestedRetryAfterMs?: number | undefined
}

/**
 * The server answered with a non-2xx status. `message`, `code`, `type` and `param` come from the
 * `{ error: {...} }` envelope; `requestId` from `x-request-id` (quote it to the provider's support);
 * `retryAfterMs` from `retry-after-ms` or `retry-after`, at most 60 s; when the server asked for longer,
 * `requestedRetryAfterMs` holds what it asked for and the message says so.
 */
export class VideoApiError extends VideoClientError {
  override name = 'VideoApiError'
  declare readonly status: number
  declare readonly code: string | null
  declare readonly type: string | null
  declare readonly param: string | null
  declare readonly requestId: string | undefined
  /** How long to wait before retrying, never more than 60 s (`MAX_RETRY_AFTER_MS`). */
  declare readonly retryAfterMs: number | undefined
  /** The wait the server asked for when it was more than 60 s (`retryAfterMs` is then 60 s); may be `Infinity`. */
  declare readonly requestedRetryAfterMs: number | undefined

  constructor(init: VideoApiErrorInit) {
    super(init.message)
    this.status = init.status
    this.code = init.code ?? null
    this.type = init.type ?? null
    this.param = init.param ?? null
    this.requestId = init.requestId
    this.retryAfterMs = init.retryAfterMs
    this.requestedRetryAfterMs = init.requestedRetryAfterMs
  }
}

/**
 * The request did not complete: the connection failed, was dropped, or timed out. Usually transient;
 * vidjob's poller retries with backoff. If it persists, check `baseURL` and that the server is reachable.
 */
export class VideoNetworkError extends VideoClientError {
  override name = 'VideoNetworkError'
  /** True when the request was abandoned after `timeoutMs`. */
  declare readonly timedOut: boolean

  constructor(message: string, options: { cause?: unknown; timedOut?: boolean } = {}) {
    super(message, { cause: options.cause })
    this.timedOut = options.timedOut ?? false
  }
}

/** One problem found by a schema, in zod's shape (`path`, `message`, `code`). */
export type ValidationIssue = z.core.$ZodIssue

/**
 * Data did not match the schema: a server body that breaks the checked fields, or params/queries that
 * the spec does not allow (never sent). `issues` lists each problem; `body` is the offending value.
 */
export class VideoValidationError extends VideoClientError {
  override name = 'VideoValidationError'
  declare readonly issues: readonly ValidationIssue[]
  declare readonly body: unknown

  constructor(message: string, issues: readonly ValidationIssue[], body: unknown) {
    super(message)
    this.issues = issues
    this.body = body
  }

  /**
   * The first message for each top-level field (`prompt`, `seconds`, ...), to show beside the right input;
   * an issue about no field in particular is under `''`.
   *
   * @example
   * catch (e) { if (e instanceof VideoValidationError) setErrors(e.issuesByField()) } // { prompt: 'prompt must not be empty' }
   */
  issuesByField(): Partial<Record<string, string>> {
    const fields: Partial<Record<string, string>> = {}
    for (const issue of this.issues) fields[String(issue.path[0] ?? '')] ??= issue.message
    return fields
  }
}

/**
 * The job ended `failed`. `code` and `message` come from `video.error`; a new prompt or a remix is the
 * usual way forward (e.g. `moderation_blocked` means the prompt was refused).
 */
export class VideoJobFailedError extends VideoClientError {
  override name = 'VideoJobFailedError'
  declare readonly code: string
  declare readonly video: Video

  constructor(video: Video) {
    const code = video.error?.code ?? 'unknown'
    super(video.error?.message ?? `Video ${video.id} failed without an error message (code ${code}).`)
    this.code = code
    this.video = video
  }
}

/**
 * Describes zod issues in one line a person can read, e.g. `progress: Too big: expected number to be <=100`.
 */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/** Whether a value is the platform's abort rejection (`DOMException` named `AbortError`). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

/** The platform's `AbortError`, for a request the caller aborted. */
export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason
  if (isAbortError(reason)) return reason as Error
  return new DOMException('The operation was aborted.', 'AbortError')
}

/**
 * Wraps anything thrown by user code or a transport so that state only ever holds a {@link VideoClientError}.
 */
export function toVideoClientError(error: unknown): VideoClientError {
  if (error instanceof VideoClientError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new VideoNetworkError(`The request failed: ${message}`, { cause: error })
}
