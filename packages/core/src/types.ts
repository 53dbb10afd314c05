import type { Observable } from 'rxjs'
import type { VideoClientError } from './errors'
import type { CreateVideoParams, RemixVideoParams, VideoListQuery } from './schema/params'
import type { Video, VideoContentVariant, VideoStatus } from './schema/video'
import type { VideoClientEnvironment } from './sync/environment'
import type { VideoTransport } from './transport/types'
import type { VideoUpdates } from './sync/updates'

/**
 * Everything a UI needs to show one job. Snapshots are immutable and keep their identity while nothing
 * changes, so `===` tells whether to re-render.
 */
export interface VideoJobState {
  /** The job's id, as the app asked for it. */
  readonly id: string
  /** The last valid server object; undefined until first loaded. */
  readonly video: Video | undefined
  /** `video.status`: `queued`, `in_progress`, `completed` or `failed`; undefined until first loaded. */
  readonly status: VideoStatus | undefined
  /** 0–100, never decreases; 100 once completed. */
  readonly progress: number
  /** No video yet, and a request is in flight or the job is polled (no error is waiting out a backoff). */
  readonly isLoading: boolean
  /** The poller is tracking this job. */
  readonly isPolling: boolean
  /** Completed, failed or deleted. */
  readonly isTerminal: boolean
  /** Deleted here (at once, before the server confirms) or confirmed gone by the server. */
  readonly isDeleted: boolean
  /** The last request's failure; cleared by the next success. */
  readonly error: VideoClientError | undefined
  /** `video.error` of a failed job. */
  readonly failure: { readonly code: string; readonly message: string } | undefined
  /** Estimated ms until completion, from the observed progress rate. */
  readonly eta: number | undefined
  /** When the video last changed (ms epoch). */
  readonly updatedAt: number | undefined
}

/** The query of `client.list()`. `order` defaults to `'desc'`, `limit` to the server's default. */
export type VideoListOptions = Omit<VideoListQuery, 'after'>

/** The loaded pages of one list query, flattened. */
export interface VideoListState {
  /** The rows of every loaded page, in server order; deleted ones hidden. Unchanged rows keep their identity. */
  readonly videos: readonly Video[]
  /** The first page has arrived (an empty list is then really empty). */
  readonly isLoaded: boolean
  /** The server has a page after the last loaded one (`fetchNextPage` loads it). */
  readonly hasMore: boolean
  /** The first page is loading. */
  readonly isLoading: boolean
  /** `fetchNextPage` is loading a page. */
  readonly isFetchingNextPage: boolean
  /** The last load's failure (the loaded rows stay); cleared by the next success. */
  readonly error: VideoClientError | undefined
  /**
   * The server has no list route (declared or learned, docs/servers.md): the list holds only the videos
   * created or remixed through this client, and `hasMore` is false.
   */
  readonly isLocalOnly: boolean
}

/** A live, paged list. The same query returns the same handle. */
export interface VideoListHandle {
  /** The query, with its default `order` filled in. */
  readonly query: Readonly<VideoListOptions>
  /** Replays the current state, then every change; loads the first page on first subscription. */
  readonly state$: Observable<VideoListState>
  /** The current state, synchronously, with no side effect. */
  getState(): VideoListState
  /** Loads the page after the last loaded one; resolves once it is in the state (failures go to `error`). */
  fetchNextPage(): Promise<void>
  /** Reloads every loaded page; resolves once they are in the state (failures go to `error`). */
  refresh(): Promise<void>
  /**
   * Resolves with the state once the first page is loaded (at once if it is), else loads it; rejects with
   * the load's typed error. For route loaders, `<Suspense>` and `async setup()`; it does not observe the
   * list, so nothing stays polled after it settles.
   */
  ensureLoaded(): Promise<VideoListState>
}

/** What happened to a job, for toasts, analytics or webhooks fan-out. */
export interface VideoClientEvent {
  /**
   * `completed` / `failed` when a job reaches that status (once: a job whose entry was collected and loaded
   * again is `updated`, while the client keeps its last data, for the last 1,000 collected jobs),
   * `deleted` when a delete is confirmed (nothing more is told of that job), else `updated`.
   */
  readonly type: 'updated' | 'completed' | 'failed' | 'deleted'
  readonly id: string
  /** The video as the cache holds it after the change. */
  readonly video: Video | undefined
}

/** A poll interval in ms, or a function of the job's state returning one. */
export type PollInterval = number | ((state: VideoJobState) => number)

/** How the shared poller picks its intervals. */
export interface PollingOptions {
  /** Overrides the adaptive interval (server hint and progress rate), unclamped. */
  interval?: PollInterval | undefined
  /** Lower clamp of the adaptive interval. Default 1000 ms. */
  minInterval?: number | undefined
  /** Upper clamp of the adaptive interval. Default 30000 ms. */
  maxInterval?: number | undefined
  /** A poll with no answer after this many ms is abandoned and retried after a backoff. Default 30000 ms. */
  timeout?: number | undefined
}

/** How failed polls back off. */
export interface RetryOptions {
  /** First backoff delay. Default 1000 ms. */
  baseDelay?: number | undefined
  /** Cap of the exponential backoff. Default 60000 ms. */
  maxDelay?: number | undefined
  /** Pause used after a 429 that carries no Retry-After. Default 5000 ms. */
  defaultRetryAfter?: number | undefined
}

/** Options of {@link createVideoClient}. */
export interface VideoClientOptions {
  /** How requests reach the Videos API: `createFetchTransport({ baseURL })`, `fromOpenAI(openai)`, or your own. */
  transport: VideoTransport
  /** How the shared poller picks its intervals (adaptive by default). */
  polling?: PollingOptions | undefined
  /** How failed polls back off, and the pause after a 429 without Retry-After. */
  retry?: RetryOptions | undefined
  /** How long an unobserved job or list stays cached. Default 300000 ms (5 minutes). */
  gcTime?: number | undefined
  /** Visibility and connectivity; defaults to the browser's (always visible and online elsewhere). */
  environment?: VideoClientEnvironment | undefined
  /**
   * What the server can do, when it is less than OpenAI's API (`{ list: false }` for a gateway without a
   * list route...). Anything left out is learned from the server's answers (docs/servers.md).
   */
  capabilities?: VideoServerCapabilities | undefined
  /**
   * Pushed updates, e.g. `createEventSourceUpdates({ url })` from a vidjob relay: while the stream is open
   * the jobs are not polled (one that stays silent longer than its interval gets a confirming poll), pushed
   * videos pass the same validation and forward-only merge, and when it drops polling resumes at once.
   */
  updates?: VideoUpdates | undefined
}

/**
 * The reactive facade over one Videos API. Create one per app and share it.
 *
 * @example
 * const client = createVideoClient({ transport })
 * const video = await client.create({ prompt: 'A paper boat in the rain' })
 * client.job$(video.id).subscribe((s) => console.log(s.status, s.progress))
 */
export interface VideoClient {
  /**
   * The live state of one job: replays the current state at once, then every change. While it has
   * subscribers and the job is not terminal, the shared poller keeps the job fresh. It never errors:
   * failures are in the state. Identical data emits nothing new.
   */
  job$(id: string): Observable<VideoJobState>
  /** The same state as `job$`, synchronously, with no side effect (no request, no polling). */
  getJob(id: string): VideoJobState
  /** Distinct progress values (0–100, never decreasing) of a job; keeps it polled like `job$`. */
  progress$(id: string): Observable<number>
  /**
   * A live, cursor-paged list; the same query returns the same handle (`order` defaults to `'desc'`). A
   * query outside the spec (`limit` not an integer 0–100) throws a `VideoValidationError`, unsent.
   */
  list(query?: VideoListOptions): VideoListHandle
  /**
   * Starts a job. Params that fail `CreateVideoParamsSchema` reject with a `VideoValidationError`, unsent.
   * The new job enters the cache, heads every loaded `desc` list (and ends an `asc` list whose last page is
   * loaded), and is polled while observed.
   */
  create(params: CreateVideoParams): Promise<Video>
  /** Starts a job from a completed video and a new prompt, with the same effects as `create`. */
  remix(id: string, params: RemixVideoParams): Promise<Video>
  /**
   * Deletes a video optimistically: it leaves every list and reads `isDeleted` synchronously, before the
   * request is sent, and its polling stops. On success it stays gone. A failure that leaves open whether
   * the server deleted it (a 404, a 5xx, a timeout, a dropped connection, a broken answer) is settled by a
   * retrieve: a video found gone counts as deleted. Otherwise it returns to its exact place in every list,
   * polling resumes, and the promise rejects; when that retrieve failed too, the client keeps looking
   * (backing off like polls) and marks the video deleted if it turns out gone.
   */
  delete(id: string): Promise<void>
  /** Resolves with the completed video; rejects with `VideoJobFailedError` when the job fails. */
  waitForCompletion(id: string, options?: { signal?: AbortSignal | undefined }): Promise<Video>
  /**
   * Downloads an asset of a completed video (`variant` defaults to `'video'`); refuses, with a
   * `VideoValidationError`, a body whose `content-type` does not fit the variant.
   */
  downloadContent(
    id: string,
    options?: { variant?: VideoContentVariant | undefined; signal?: AbortSignal | undefined },
  ): Promise<Blob>
  /** Fetches a job now, sharing a request in flight (for a webhook, whose payload carries only the id). */
  refetch(id: string): Promise<void>
  /**
   * The cached video, or fetched now when none is cached: for Suspense and loaders. Rejects with the
   * request's error (e.g. a `VideoApiError` 404 for an unknown id).
   */
  ensureJob(id: string): Promise<Video>
  /** Merges a video pushed from elsewhere (a webhook body, a stream), after validation. */
  ingest(video: unknown): void
  /** What happens to jobs: `updated`, `completed`, `failed`, `deleted`. Completes on `dispose()`. */
  readonly events$: Observable<VideoClientEvent>
  /** Stops every timer and request; the client must not be used afterwards. */
  dispose(): void
}

/**
 * What the server can do. Each one is on unless declared off (`createVideoClient({ capabilities })`) or
 * learned off from an answer; a compatible server often has less than OpenAI's API had.
 */
export interface VideoServerCapabilities {
  /** `GET /videos` lists videos. Learned off after a 404, 405 or 501, or an answer that is not a list. */
  readonly list?: boolean | undefined
  /** `DELETE /videos/{id}` deletes. Learned off after a 405 or 501. */
  readonly delete?: boolean | undefined
  /** `…/content?variant=thumbnail|spritesheet` serves images. Learned off when a video comes back instead. */
  readonly contentVariants?: boolean | undefined
}
