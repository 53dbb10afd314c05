import { distinctUntilChanged, map, type Observable } from 'rxjs'
import { OBSERVED_JOB_STATE, type ObservedJobStateSource } from './bindings/observed-state'
import { ListRegistry } from './list/list-registry'
import { createScheduler } from './scheduler'
import type { CreateVideoParams, RemixVideoParams } from './schema/params'
import type { Video, VideoContentVariant } from './schema/video'
import { GarbageCollector } from './store/garbage-collector'
import { VideoStore } from './store/video-store'
import { clientEvents$ } from './sync/client-events'
import { createBrowserEnvironment } from './sync/environment'
import { JobFetcher } from './sync/job-fetcher'
import { JobWriter } from './sync/job-writer'
import { ensureJob, observeJob } from './sync/observe-job'
import { Poller } from './sync/poller'
import { PushUpdates } from './sync/push-updates'
import { RequestPipe } from './sync/requests'
import { waitForCompletion } from './sync/wait-for-completion'
import type {
  VideoClient,
  VideoClientEvent,
  VideoClientOptions,
  VideoJobState,
  VideoListHandle,
  VideoListOptions,
} from './types'

const DEFAULT_GC_TIME = 5 * 60_000

/**
 * Creates the reactive facade over one Videos API: a normalized cache, one shared poller and the
 * mutations, wired together. Framework bindings only subscribe to what it returns.
 *
 * @example
 * import { createVideoClient, createFetchTransport } from '@vidjob/core'
 * const client = createVideoClient({ transport: createFetchTransport({ baseURL: '/api/openai/v1' }) })
 * client.job$('video_123').subscribe((s) => console.log(s.status, s.progress))
 */
export function createVideoClient(options: VideoClientOptions): VideoClient {
  return new VideoClientImpl(options)
}

/**
 * The facade: it wires the parts once, and every method delegates. Calls flow one way (client → poller →
 * fetcher → transport) and come back only as store changes, which `job$`, lists and `events$` emit.
 */
class VideoClientImpl implements VideoClient, ObservedJobStateSource {
  readonly events$: Observable<VideoClientEvent>
  readonly #scheduler = createScheduler()
  readonly #store: VideoStore
  readonly #requests: RequestPipe
  readonly #fetcher: JobFetcher
  readonly #writer: JobWriter
  readonly #poller: Poller
  readonly #gc: GarbageCollector
  readonly #lists: ListRegistry
  readonly #push: PushUpdates

  constructor(options: VideoClientOptions) {
    const scheduler = this.#scheduler
    const { polling = {}, retry = {} } = options
    this.#store = new VideoStore(scheduler)
    this.#requests = new RequestPipe(scheduler, retry.defaultRetryAfter ?? 5_000)
    const { transport } = options
    this.#fetcher = new JobFetcher(transport, this.#store, this.#requests, options.capabilities)
    const backoff = { baseDelay: retry.baseDelay ?? 1_000, maxDelay: retry.maxDelay ?? 60_000 }
    this.#writer = new JobWriter({
      transport,
      store: this.#store,
      requests: this.#requests,
      fetcher: this.#fetcher,
      scheduler,
      backoff,
    })
    this.#poller = new Poller(
      {
        scheduler,
        environment: options.environment ?? createBrowserEnvironment(),
        store: this.#store,
        fetcher: this.#fetcher,
      },
      { polling, backoff },
    )
    this.#gc = new GarbageCollector(this.#store, scheduler, options.gcTime ?? DEFAULT_GC_TIME, this.#requests)
    this.#lists = new ListRegistry({
      store: this.#store,
      fetcher: this.#fetcher,
      poller: this.#poller,
      gc: this.#gc,
    })
    this.events$ = clientEvents$(this.#store, this.#requests)
    this.#push = new PushUpdates(options.updates, this.#fetcher)
  }

  job$(id: string): Observable<VideoJobState> {
    return observeJob(this.#store, this.#poller, id)
  }

  getJob(id: string): VideoJobState {
    return this.#store.getState(id)
  }

  [OBSERVED_JOB_STATE](id: string): VideoJobState {
    return this.#requests.disposed ? this.getJob(id) : this.#store.getObservedState(id)
  }

  progress$(id: string): Observable<number> {
    return this.job$(id).pipe(
      map((state) => state.progress),
      distinctUntilChanged(),
    )
  }

  list(query?: VideoListOptions): VideoListHandle {
    return this.#lists.get(query)
  }

  create(params: CreateVideoParams): Promise<Video> {
    return this.#writer.create(params)
  }

  remix(id: string, params: RemixVideoParams): Promise<Video> {
    return this.#writer.remix(id, params)
  }

  delete(id: string): Promise<void> {
    return this.#writer.delete(id)
  }

  waitForCompletion(id: string, options: { signal?: AbortSignal | undefined } = {}): Promise<Video> {
    const deps = { store: this.#store, poller: this.#poller, requests: this.#requests }
    return waitForCompletion(deps, id, options.signal)
  }

  downloadContent(
    id: string,
    options: { variant?: VideoContentVariant | undefined; signal?: AbortSignal | undefined } = {},
  ): Promise<Blob> {
    return this.#writer.downloadContent(id, options.variant ?? 'video', options.signal)
  }

  refetch(id: string): Promise<void> {
    return this.#poller.refetch(id)
  }

  ensureJob(id: string): Promise<Video> {
    return ensureJob(this.#store, this.#poller, id)
  }

  ingest(video: unknown): void {
    this.#fetcher.ingest(video)
  }

  dispose(): void {
    if (this.#requests.disposed) return
    this.#push.dispose()
    this.#requests.dispose()
    this.#poller.dispose()
    this.#lists.dispose()
    this.#gc.dispose()
    this.#scheduler.cancelAll()
    this.#store.clear()
  }
}
