import type { VideoValidationError } from '../errors'
import type { Video } from '../schema/video'
import type { FailureKind } from './failure-policy'

/** What the fetcher answers with, and what it tells its listeners. */

/** The outcome of one poll, once its answer is merged (or refused). */
export type PollOutcome =
  { ok: true; pollAfterMs?: number | undefined } | { ok: false; error: unknown; kind: FailureKind }

/** The outcome of a coalesced poll: which ids the page held, whether it was full, its oldest `created_at`. */
export type PagePollOutcome =
  | {
      ok: true
      ids: ReadonlySet<string>
      full: boolean
      oldest: number | undefined
      /** The cursor after the page. */
      lastId: string | null
      /** Some row was in the cache's creation order before this page. */
      overlap: boolean
      pollAfterMs?: number | undefined
    }
  | { ok: false; error: unknown; kind: FailureKind }

/** One fetched and validated page, with the sequence number of its request. */
export interface FetchedPage {
  readonly videos: readonly Video[]
  readonly lastId: string | null
  readonly hasMore: boolean
  /** The page's order, and the cursor it came after: they place rows created in the same second. */
  readonly order: 'asc' | 'desc'
  readonly after: string | undefined
  readonly seq: number
  /** When the server most likely read these rows: the middle of the request. */
  readonly observedAt: number
  /** `openai-poll-after-ms` of the answer, if the server sent one. */
  readonly pollAfterMs: number | undefined
  /** The server sent more rows than asked for: the first `limit` were kept, and this says so. */
  readonly excess?: VideoValidationError | undefined
}

/**
 * What the fetcher tells whoever listens: fresh data arrived for some jobs by a path other than their own
 * poll (`fresh`), a job was created here (`created`, inside the store batch that added it) or pushed
 * before this client knew it (`discovered`: made in another tab or on another device), a job's
 * liveness changed by a delete or its rollback (`liveness`), a 429 pause ended (`resumed`), pushed
 * updates stopped covering the jobs or some were missed (`push-lost`).
 */
export type FetchEvent =
  | { readonly type: 'fresh'; readonly ids: readonly string[]; readonly pollAfterMs: number | undefined }
  | { readonly type: 'created'; readonly id: string }
  | { readonly type: 'discovered'; readonly id: string }
  | { readonly type: 'liveness'; readonly id: string }
  | { readonly type: 'resumed' }
  | { readonly type: 'push-lost' }
