import { distinctUntilChanged, map, Observable, Subject, Subscription } from 'rxjs'
import { assertContentType } from './content-type'
import { createBrowserEnvironment } from './environment'
import {
  abortError,
  isAbortError,
  toVideoClientError,
  VideoApiError,
  VideoClientError,
  VideoJobFailedError,
} from './errors'
import { NEWEST_PAGE_SIZE, Poller, type PagePollOutcome, type PollOutcome } from './poller'
import { RequestGate } from './request-gate'
import { createScheduler, type Scheduler } from './scheduler'
import {
  CreateVideoParamsSchema,
  DeletedVideoSchema,
  RemixVideoParamsSchema,
  VideoListOptionsSchema,
  VideoSchema,
  type CreateVideoParams,
  type RemixVideoParams,
  type Video,
  type VideoContentVariant,
} from './schema'
import { ListRecord } from './store/list-record'
import { VideoStore, type JobChange } from './store/video-store'
import { assertVideoId } from './transport/paths'
import type { ListRequestQuery, TransportResult, VideoTransport } from './transport/types'
import type {
  VideoClient,
  VideoClientEvent,
  VideoClientOptions,
  VideoJobState,
  VideoListHandle,
  VideoListOptions,
} from './types'
import { parseBody, parseInput, parseVideo, parseVideoList } from './validate'
import { VideoList, type FetchedPage } from './video-list'

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

class VideoClientImpl implements VideoClient {
  readonly events$: Observable<VideoClientEvent>
  readonly #transport: VideoTransport
  readonly #scheduler: Scheduler
  readonly #store: VideoStore
  readonly #gate: RequestGate
  readonly #poller: Poller
  readonly #lists = new Map<string, VideoList>()
  readonly #listRecords = new Map<VideoList, ListRecord>()
  readonly #deletes = new Map<string, Promise<void>>()
  readonly #events = new Subject<VideoClientEvent>()
  readonly #gcTime: number
  readonly #defaultRetryAfter: number
  #seq = 0
  /** Requests in flight and waits in progress: what dispose() stops. */
  readonly #inflight = new Set<AbortController>()
  readonly #disposers = new Set<() => void>()
  readonly #findEqual = (raw: unknown): Video | undefined => this.#store.findEqual(raw)
  #cancelSweep: (() => void) | undefined
  #disposed = false

  constructor(options: VideoClientOptions) {
    this.#transport = options.transport
    this.#scheduler = options.scheduler ?? createScheduler()
    this.#gcTime = options.gcTime ?? DEFAULT_GC_TIME
    this.#defaultRetryAfter = options.retry?.defaultRetryAfter ?? 5_000
    this.events$ = this.#events.asObservable()
    this.#store = new VideoStore(
      () => this.#scheduler.now(),
      (changes) => this.#emitEvents(changes),
      () => this.#ensureSweep(),
    )
    this.#gate = new RequestGate(this.#scheduler)
    this.#poller = new Poller({
      scheduler: this.#scheduler,
      environment: options.environment ?? createBrowserEnvironment(),
      gate: this.#gate,
      polling: options.polling ?? {},
      backoff: { baseDelay: options.retry?.baseDelay ?? 1_000, maxDelay: options.retry?.maxDelay ?? 60_000 },
      getState: (id) => this.#store.getState(id),
      fetchedAt: (id) => this.#store.fetchedAt(id),
      createdAt: (id) => (this.#store.isDeleted(id) ? undefined : this.#store.getVideo(id)?.created_at),
      newestCreatedAt: (rank) => this.#newestCreatedAt(rank),
      setPolling: (id, isPolling) => this.#store.setMeta(id, { isPolling }),
      retrieve: (id, signal) => this.#pollOne(id, signal),
      newestPage: (ids, signal) => this.#pollNewestPage(ids, signal),
    })
  }

  job$(id: string): Observable<VideoJobState> {
    return new Observable<VideoJobState>((subscriber) => {
      // Listen first (so the entry is never idle), then watch, then replay: the first state emitted
      // already says whether the job is polled.
      let replayed = false
      const unsubscribe = this.#store.subscribe(id, (state) => replayed && subscriber.next(state))
      const release = this.#disposed ? undefined : this.#poller.watch(id)
      replayed = true
      subscriber.next(this.#store.getState(id))
      return () => {
        unsubscribe()
        release?.()
      }
    })
  }

  getJob(id: string): VideoJobState {
    return this.#store.getState(id)
  }

  getObservedJob(id: string): VideoJobState {
    return this.#disposed ? this.getJob(id) : this.#store.getObservedState(id)
  }

  progress$(id: string): Observable<number> {
    return this.job$(id).pipe(
      map((state) => state.progress),
      distinctUntilChanged(),
    )
  }

  list(query: VideoListOptions = {}): VideoListHandle {
    const { order = 'desc', limit } = parseInput(VideoListOptionsSchema, query, 'list() query')
    const normalized: VideoListOptions = limit === undefined ? { order } : { order, limit }
    const key = `${order}:${limit ?? ''}`
    let handle = this.#lists.get(key)
    if (!handle) {
      const record = new ListRecord(this.#store, order, () => this.#scheduler.now())
      handle = new VideoList(
        {
          fetchPage: (q, signal) => this.#fetchPage(q, signal),
          commit: (pages, update) => this.#commitPages(pages, update),
          watch: (id) => this.#poller.watch(id),
          isDeleted: (id) => this.#store.isDeleted(id),
        },
        normalized,
        record,
      )
      this.#lists.set(key, handle)
      this.#listRecords.set(handle, record)
    }
    return handle
  }

  async create(params: CreateVideoParams): Promise<Video> {
    const input = parseInput(CreateVideoParamsSchema, params, 'create() params')
    const seq = this.#nextSeq()
    const result = await this.#send((signal) => this.#transport.create(input, { signal }))
    return this.#insertCreated(parseBody(VideoSchema, result.body, 'POST /videos'), seq, result)
  }

  async remix(id: string, params: RemixVideoParams): Promise<Video> {
    assertVideoId(id)
    const input = parseInput(RemixVideoParamsSchema, params, 'remix() params')
    const seq = this.#nextSeq()
    const result = await this.#send((signal) => this.#transport.remix(id, input, { signal }))
    return this.#insertCreated(parseBody(VideoSchema, result.body, `POST /videos/${id}/remix`), seq, result)
  }

  delete(id: string): Promise<void> {
    const running = this.#deletes.get(id)
    if (running) return running
    try {
      assertVideoId(id)
    } catch (error) {
      return Promise.reject(error)
    }
    if (!this.#store.markDeleted(id)) return Promise.resolve()
    this.#poller.reconsider(id)
    const request = this.#runDelete(id).finally(() => this.#deletes.delete(id))
    this.#deletes.set(id, request)
    return request
  }

  waitForCompletion(id: string, options: { signal?: AbortSignal | undefined } = {}): Promise<Video> {
    const { signal } = options
    return new Promise<Video>((resolve, reject) => {
      // Adding to a closed Subscription tears the addition down at once, so a synchronous outcome
      // (the replayed state already decides it) leaves nothing subscribed. A second outcome finds
      // everything released and a settled promise: it changes nothing.
      const subscription = new Subscription()
      const finish = (settle: () => void): void => {
        subscription.unsubscribe()
        signal?.removeEventListener('abort', onAbort)
        settle()
      }
      const onAbort = (): void => finish(() => reject(abortError(signal)))
      if (signal?.aborted) return onAbort()
      signal?.addEventListener('abort', onAbort, { once: true })
      const onDispose = (): void =>
        finish(() => reject(new VideoClientError(`The client was disposed while waiting for video ${id}.`)))
      if (this.#disposed) return onDispose()
      this.#disposers.add(onDispose)
      subscription.add(() => this.#disposers.delete(onDispose))
      const check = (): void => {
        const outcome = completionOutcome(this.#store.getState(id), this.#store.isDeleteConfirmed(id))
        if (outcome) finish(() => ('video' in outcome ? resolve(outcome.video) : reject(outcome.error)))
      }
      // A confirmed delete changes no state (it was already optimistic), so its event is watched too.
      subscription.add(
        this.events$.subscribe((event) => event.id === id && event.type === 'deleted' && check()),
      )
      subscription.add(this.job$(id).subscribe(check))
    })
  }

  async downloadContent(
    id: string,
    options: { variant?: VideoContentVariant | undefined; signal?: AbortSignal | undefined } = {},
  ): Promise<Blob> {
    const variant = options.variant ?? 'video'
    // The body is read inside the request, so an abort or dispose also stops the bytes, and a connection
    // that breaks while they arrive is a typed error.
    return this.#send(async (signal) => {
      const response = await this.#transport.downloadContent(id, { variant }, { signal })
      assertContentType(response, variant, id)
      return response.blob()
    }, options.signal)
  }

  refetch(id: string): Promise<void> {
    if (this.#disposed || this.#store.isDeleted(id)) return Promise.resolve()
    return this.#poller.refetch(id)
  }

  async ensureJob(id: string): Promise<Video> {
    const cached = this.#store.isDeleted(id) ? undefined : this.#store.getVideo(id)
    if (cached) return cached
    await this.refetch(id)
    const state = this.#store.getState(id)
    if (state.video && !state.isDeleted) return state.video
    throw (
      state.error ??
      new VideoClientError(
        state.isDeleted
          ? `Video ${id} was deleted.`
          : `Video ${id} was not loaded: its request was cancelled (was the client disposed?).`,
      )
    )
  }

  ingest(video: unknown): void {
    const parsed = parseBody(VideoSchema, video, 'ingest()')
    this.#store.merge(parsed, this.#nextSeq())
    this.#poller.noteFresh([parsed.id])
  }

  dispose(): void {
    if (this.#disposed) return
    this.#disposed = true
    this.#inflight.forEach((controller) => controller.abort())
    this.#disposers.forEach((dispose) => dispose())
    this.#poller.dispose()
    this.#gate.dispose()
    this.#lists.forEach((list) => list.dispose())
    this.#cancelSweep?.()
    this.#scheduler.cancelAll()
    this.#store.clear()
    this.#events.complete()
  }

  /** Every request goes through here: it waits out a 429 pause and starts one when the server asks. */
  async #send<T>(request: (signal: AbortSignal) => Promise<T>, caller?: AbortSignal): Promise<T> {
    if (this.#disposed) throw new VideoClientError('This video client was disposed; create a new one.')
    // dispose() aborts every request, mutations and downloads included, wherever it is waiting. (Not
    // AbortSignal.any over a lifetime signal: Node 20 keeps a reference per call in it for good.)
    const controller = new AbortController()
    const forward = (): void => controller.abort(caller?.reason)
    if (caller?.aborted) forward()
    else caller?.addEventListener('abort', forward, { once: true })
    this.#inflight.add(controller)
    const { signal } = controller
    try {
      await this.#gate.wait(signal)
      return await request(signal)
    } catch (error) {
      if (error instanceof VideoApiError && error.status === 429)
        this.#gate.pause(error.retryAfterMs ?? this.#defaultRetryAfter)
      throw isAbortError(error) ? error : toVideoClientError(error)
    } finally {
      this.#inflight.delete(controller)
      caller?.removeEventListener('abort', forward)
    }
  }

  #nextSeq(): number {
    return ++this.#seq
  }

  async #pollOne(id: string, signal: AbortSignal): Promise<PollOutcome> {
    try {
      assertVideoId(id)
    } catch (error) {
      this.#store.setMeta(id, { error: toVideoClientError(error) })
      return { ok: false, error, permanent: true }
    }
    const seq = this.#nextSeq()
    this.#store.setMeta(id, { isFetching: true })
    try {
      const result = await this.#send((s) => this.#transport.retrieve(id, { signal: s }), signal)
      const video = parseVideo(result.body, `GET /videos/${id}`, this.#findEqual)
      this.#store.batch(() => {
        this.#store.merge(video, seq)
        this.#store.setMeta(id, { error: undefined })
      })
      return { ok: true, pollAfterMs: result.pollAfterMs }
    } catch (error) {
      return { ok: false, error: this.#recordPollError(id, error) }
    } finally {
      this.#store.setMeta(id, { isFetching: false })
    }
  }

  async #pollNewestPage(ids: ReadonlySet<string>, signal: AbortSignal): Promise<PagePollOutcome> {
    this.#store.batch(() => ids.forEach((id) => this.#store.setMeta(id, { isFetching: true })))
    try {
      const page = await this.#fetchPage({ order: 'desc', limit: NEWEST_PAGE_SIZE }, signal)
      this.#commitPages([page], () => ids.forEach((id) => this.#store.setMeta(id, { error: undefined })))
      return { ok: true, ids: new Set(page.videos.map((video) => video.id)), pollAfterMs: page.pollAfterMs }
    } catch (error) {
      let recorded: unknown = error
      this.#store.batch(() => ids.forEach((id) => (recorded = this.#recordPollError(id, error))))
      return { ok: false, error: recorded }
    } finally {
      this.#store.batch(() => ids.forEach((id) => this.#store.setMeta(id, { isFetching: false })))
    }
  }

  /** Puts a poll failure in the job's state; a 404 for a job we knew means it was deleted elsewhere. */
  #recordPollError(id: string, error: unknown): unknown {
    if (isAbortError(error)) return error
    const failure = toVideoClientError(error)
    if (failure instanceof VideoApiError && failure.status === 404 && this.#store.getVideo(id) !== undefined)
      this.#store.confirmDeleted(id)
    this.#store.setMeta(id, { error: failure })
    return failure
  }

  async #fetchPage(query: ListRequestQuery, signal: AbortSignal): Promise<FetchedPage> {
    const seq = this.#nextSeq()
    const result = await this.#send((s) => this.#transport.list(query, { signal: s }), signal)
    const page = parseVideoList(result.body, 'GET /videos', this.#findEqual)
    return {
      videos: page.data,
      lastId: page.last_id ?? page.data.at(-1)?.id ?? null,
      pollAfterMs: result.pollAfterMs,
      hasMore: page.has_more,
      seq,
    }
  }

  #commitPages(pages: readonly FetchedPage[], update: () => void): void {
    this.#store.batch(() => {
      for (const page of pages) for (const video of page.videos) this.#store.merge(video, page.seq)
      update()
    })
    for (const page of pages)
      this.#poller.noteFresh(
        page.videos.map((video) => video.id),
        page.pollAfterMs,
      )
  }

  #insertCreated(video: Video, seq: number, result: TransportResult): Video {
    this.#store.batch(() => {
      this.#store.merge(video, seq)
      this.#listRecords.forEach((record) => record.insertCreated(video.id))
    })
    this.#poller.noteFresh([video.id], result.pollAfterMs)
    return this.#store.getVideo(video.id) ?? video
  }

  async #runDelete(id: string): Promise<void> {
    try {
      const result = await this.#send((signal) => this.#transport.delete(id, { signal }))
      parseBody(DeletedVideoSchema, result.body, `DELETE /videos/${id}`)
      this.#store.confirmDeleted(id)
    } catch (error) {
      if (error instanceof VideoApiError && error.status === 404) return this.#store.confirmDeleted(id)
      this.#store.restore(id)
      this.#poller.reconsider(id)
      throw error
    }
  }

  /** `created_at` of the job at `rank` among the newest cached jobs (undefined if fewer are cached). */
  #newestCreatedAt(rank: number): number | undefined {
    const createdAt: number[] = []
    for (const id of this.#store.ids()) {
      const video = this.#store.isDeleted(id) ? undefined : this.#store.getVideo(id)
      if (video) createdAt.push(video.created_at)
    }
    if (createdAt.length < rank) return undefined
    createdAt.sort((a, b) => b - a)
    return createdAt[rank - 1]
  }

  #emitEvents(changes: readonly JobChange[]): void {
    for (const change of changes) this.#events.next(toEvent(change))
  }

  #ensureSweep(): void {
    if (this.#cancelSweep || this.#disposed) return
    this.#cancelSweep = this.#scheduler.schedule(() => this.#sweep(), this.#gcTime, { background: true })
  }

  #sweep(): void {
    this.#cancelSweep = undefined
    const now = this.#scheduler.now()
    let next: number | undefined
    for (const record of this.#listRecords.values()) {
      const idleSince = record.idleSince
      if (idleSince === undefined) continue
      if (idleSince + this.#gcTime <= now) record.reset()
      else next = Math.min(next ?? idleSince + this.#gcTime, idleSince + this.#gcTime)
    }
    const nextEntry = this.#store.collectGarbage(this.#gcTime)
    if (nextEntry !== undefined) next = Math.min(next ?? nextEntry, nextEntry)
    if (next !== undefined)
      this.#cancelSweep = this.#scheduler.schedule(() => this.#sweep(), next - now, { background: true })
  }
}

/** Whether a job state decides `waitForCompletion`, and how. */
function completionOutcome(
  state: VideoJobState,
  deleteConfirmed: boolean,
): { video: Video } | { error: Error } | undefined {
  const { video } = state
  if (state.status === 'completed' && video) return { video }
  if (state.status === 'failed' && video) return { error: new VideoJobFailedError(video) }
  // An optimistic delete may still fail and the job go on: only a confirmed one ends the wait.
  if (state.isDeleted)
    return deleteConfirmed
      ? { error: new VideoClientError(`Video ${state.id} was deleted before it completed.`) }
      : undefined
  // Not polled any more and not terminal: a permanent error (unknown id, bad key) ended the wait.
  if (!state.isPolling && state.error) return { error: state.error }
  return undefined
}

function toEvent(change: JobChange): VideoClientEvent {
  const { id, video, previous } = change
  if (change.deleted) return { type: 'deleted', id, video }
  const status = video?.status
  // The terminal statuses name their events.
  const becameTerminal = (status === 'completed' || status === 'failed') && status !== previous?.status
  return { type: becameTerminal ? status : 'updated', id, video }
}
