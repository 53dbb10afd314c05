import type { Observable } from 'rxjs'
import type { VideoClientError } from './errors'
import type { CreateVideoParams, RemixVideoParams, VideoListQuery } from './schema/params'
import type { Video, VideoContentVariant, VideoStatus } from './schema/video'
import type { VideoClientEnvironment } from './sync/environment'
import type { VideoTransport } from './transport/types'

/**
 * Everything a UI needs to show one job. Snapshots are immutable and keep their identity while nothing
 * changes, so `===` tells whether to re-render.
 */
export interface VideoJobState {
  readonly id: string
  /** The last valid server object; undefined until first loaded. */
  readonly video: Video | undefined
  readonly status: VideoStatus | undefined
  /** 0–100, never decreases; 100 once completed. */
  readonly progress: number
  /** No video yet, and a request is in flight or the job is polled (no error is waiting out a backoff). */
  readonly isLoading: boolean
  /** The poller is tracking this job. */
  readonly isPolling: boolean
  /** Completed, failed or deleted. */
  readonly isTerminal: boolean
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
  readonly videos: readonly Video[]
  /** The first page has arrived (an empty list is then really empty). */
  readonly isLoaded: boolean
  readonly hasMore: boolean
  /** The first page is loading. */
  readonly isLoading: boolean
  readonly isFetchingNextPage: boolean
  readonly error: VideoClientError | undefined
}

/** A live, paged list. The same query returns the same handle. */
export interface VideoListHandle {
  readonly query: Readonly<VideoListOptions>
  /** Replays the current state, then every change; loads the first page on first subscription. */
  readonly state$: Observable<VideoListState>
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
  readonly type: 'updated' | 'completed' | 'failed' | 'deleted'
  readonly id: string
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
  transport: VideoTransport
  polling?: PollingOptions | undefined
  retry?: RetryOptions | undefined
  /** How long an unobserved job or list stays cached. Default 300000 ms (5 minutes). */
  gcTime?: number | undefined
  /** Visibility and connectivity; defaults to the browser's (always visible and online elsewhere). */
  environment?: VideoClientEnvironment | undefined
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
  job$(id: string): Observable<VideoJobState>
  getJob(id: string): VideoJobState
  progress$(id: string): Observable<number>
  list(query?: VideoListOptions): VideoListHandle
  create(params: CreateVideoParams): Promise<Video>
  remix(id: string, params: RemixVideoParams): Promise<Video>
  delete(id: string): Promise<void>
  waitForCompletion(id: string, options?: { signal?: AbortSignal | undefined }): Promise<Video>
  downloadContent(
    id: string,
    options?: { variant?: VideoContentVariant | undefined; signal?: AbortSignal | undefined },
  ): Promise<Blob>
  refetch(id: string): Promise<void>
  /**
   * The cached video, or fetched now when none is cached: for Suspense and loaders. Rejects with the
   * request's error (e.g. a `VideoApiError` 404 for an unknown id).
   */
  ensureJob(id: string): Promise<Video>
  ingest(video: unknown): void
  readonly events$: Observable<VideoClientEvent>
  /** Stops every timer and request; the client must not be used afterwards. */
  dispose(): void
}
