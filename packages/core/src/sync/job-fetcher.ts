import { toVideoClientError, type VideoClientError } from '../errors'
import { parseBody, parseInput } from '../schema/parse'
import { CreateVideoParamsSchema, RemixVideoParamsSchema } from '../schema/params'
import { parseVideo, parseVideoList } from '../schema/read-video'
import { DeletedVideoSchema, VideoSchema, type Video, type VideoContentVariant } from '../schema/video'
import { Listeners } from '../store/listeners'
import type { VideoStore } from '../store/video-store'
import { assertContentType } from '../transport/content-type'
import { assertVideoId } from '../transport/paths'
import type { ListRequestQuery, TransportResult, VideoTransport } from '../transport/types'
import type { CreateVideoParams, RemixVideoParams } from '../schema/params'
import type { FetchedPage, FetchEvent, PagePollOutcome, PollOutcome } from './fetch-types'
import { classifyFailure, type FailureKind } from './failure-policy'
import type { RequestPipe } from './requests'

/**
 * Every read and write of the server, and the only place its answers enter the cache: it numbers requests
 * (so the store can drop answers older than what it holds), validates each body, merges it, and records
 * failures in the jobs' states. It knows nothing above it: the poller and the lists listen to its events.
 */
export class JobFetcher {
  #seq = 0
  readonly #deletes = new Map<string, Promise<void>>()
  /** Known jobs whose last retrieve answered 404: one more 404 in a row confirms them gone. */
  readonly #missing = new Set<string>()
  readonly #events = new Listeners<FetchEvent>()
  readonly #cached = (id: string): Video | undefined => this.#store.getVideo(id)
  readonly #transport: VideoTransport
  readonly #store: VideoStore
  readonly #requests: RequestPipe

  constructor(transport: VideoTransport, store: VideoStore, requests: RequestPipe) {
    this.#transport = transport
    this.#store = store
    this.#requests = requests
    requests.onResume(() => this.#events.emit({ type: 'resumed' }))
  }

  /** When requests may go again after a 429, or undefined if they may go now. */
  get pausedUntil(): number | undefined {
    return this.#requests.pausedUntil
  }

  /** Listens to the fetcher's events; returns the unsubscribe. */
  subscribe(listener: (event: FetchEvent) => void): () => void {
    return this.#events.add(listener)
  }

  /** Retrieves one job and merges it; a failure goes to the job's state and the outcome. */
  async retrieve(id: string, signal: AbortSignal): Promise<PollOutcome> {
    try {
      assertVideoId(id)
    } catch (error) {
      const failure = toVideoClientError(error)
      this.#store.setMeta(id, { error: failure })
      return { ok: false, error: failure, kind: 'permanent' }
    }
    let seq = 0
    let sentAt = 0
    try {
      const result = await this.#requests.send((s) => {
        seq = this.#nextSeq()
        sentAt = this.#store.clock.now()
        this.#store.setMeta(id, { isFetching: true })
        return this.#transport.retrieve(id, { signal: s })
      }, signal)
      const video = parseVideo(result.body, `GET /videos/${id}`, this.#cached)
      this.#missing.delete(id)
      this.#store.batch(() => {
        this.#store.merge(video, seq, this.#middleSince(sentAt))
        this.#store.setMeta(id, { error: undefined })
      })
      return { ok: true, pollAfterMs: result.pollAfterMs }
    } catch (error) {
      return this.#retrieveFailed(id, error)
    } finally {
      this.#store.setMeta(id, { isFetching: false })
    }
  }

  /**
   * Refreshes `ids` with one `desc` list page of `limit` rows (the newest, or the one after `after`); says
   * which of them it held. A failed page says nothing of any job's existence: no job is taken as deleted.
   */
  async pollPage(
    ids: ReadonlySet<string>,
    after: string | undefined,
    limit: number,
    signal: AbortSignal,
  ): Promise<PagePollOutcome> {
    this.#setFetching(ids, true)
    try {
      const query =
        after === undefined ? { order: 'desc' as const, limit } : { order: 'desc' as const, limit, after }
      const page = await this.page(query, signal)
      this.commit([page], () => ids.forEach((id) => this.#store.setMeta(id, { error: undefined })))
      const held = new Set(page.videos.map((video) => video.id))
      const oldest = page.videos.at(-1)?.created_at
      const full = page.videos.length >= limit
      return { ok: true, ids: held, full, oldest, lastId: page.lastId, pollAfterMs: page.pollAfterMs }
    } catch (error) {
      return this.#failed(error, ids)
    } finally {
      this.#setFetching(ids, false)
    }
  }

  /** Fetches and validates one list page; nothing is merged until `commit`. */
  async page(query: ListRequestQuery, signal: AbortSignal): Promise<FetchedPage> {
    const seq = this.#nextSeq()
    let sentAt = 0
    const result = await this.#requests.send((s) => {
      sentAt = this.#store.clock.now()
      return this.#transport.list(query, { signal: s })
    }, signal)
    const page = parseVideoList(result.body, 'GET /videos', this.#cached)
    return {
      videos: page.data,
      lastId: page.last_id ?? page.data.at(-1)?.id ?? null,
      pollAfterMs: result.pollAfterMs,
      hasMore: page.has_more,
      order: query.order ?? 'desc',
      afterCursor: query.after !== undefined,
      seq,
      observedAt: this.#middleSince(sentAt),
    }
  }

  /** Merges pages into the cache and applies `update` (to a list) in the same batch. */
  commit(pages: readonly FetchedPage[], update: () => void): void {
    this.#store.batch(() => {
      for (const page of pages) {
        this.#indexCreation(page)
        for (const video of page.videos) this.#store.merge(video, page.seq, page.observedAt)
      }
      update()
    })
    for (const page of pages)
      this.#emitFresh(
        page.videos.map((video) => video.id),
        page.pollAfterMs,
      )
  }

  async create(params: CreateVideoParams): Promise<Video> {
    const input = parseInput(CreateVideoParamsSchema, params, 'create() params')
    const seq = this.#nextSeq()
    const result = await this.#requests.send((signal) => this.#transport.create(input, { signal }))
    return this.#insertCreated(parseBody(VideoSchema, result.body, 'POST /videos'), seq, result)
  }

  async remix(id: string, params: RemixVideoParams): Promise<Video> {
    assertVideoId(id)
    const input = parseInput(RemixVideoParamsSchema, params, 'remix() params')
    const seq = this.#nextSeq()
    const result = await this.#requests.send((signal) => this.#transport.remix(id, input, { signal }))
    return this.#insertCreated(parseBody(VideoSchema, result.body, `POST /videos/${id}/remix`), seq, result)
  }

  /** Optimistic: the job is hidden before the request leaves, and comes back if the server refuses. */
  delete(id: string): Promise<void> {
    const running = this.#deletes.get(id)
    if (running) return running
    try {
      assertVideoId(id)
    } catch (error) {
      return Promise.reject(error)
    }
    if (!this.#store.markDeleted(id)) return Promise.resolve()
    this.#events.emit({ type: 'liveness', id })
    const request = this.#runDelete(id).finally(() => this.#deletes.delete(id))
    this.#deletes.set(id, request)
    return request
  }

  /** The body is read inside the request, so an abort also stops the bytes. */
  downloadContent(id: string, variant: VideoContentVariant, signal?: AbortSignal): Promise<Blob> {
    return this.#requests.send(async (s) => {
      const response = await this.#transport.downloadContent(id, { variant }, { signal: s })
      assertContentType(response, variant, id)
      return response.blob()
    }, signal)
  }

  /** Merges a video pushed from elsewhere (a webhook, a stream) after validation. */
  ingest(video: unknown): void {
    const parsed = parseBody(VideoSchema, video, 'ingest()')
    this.#store.merge(parsed, this.#nextSeq())
    this.#emitFresh([parsed.id], undefined)
  }

  async #runDelete(id: string): Promise<void> {
    try {
      const result = await this.#requests.send((signal) => this.#transport.delete(id, { signal }))
      parseBody(DeletedVideoSchema, result.body, `DELETE /videos/${id}`)
      this.#store.confirmDeleted(id)
    } catch (error) {
      if (classifyFailure(error) === 'gone') return this.#store.confirmDeleted(id)
      this.#store.restore(id)
      this.#events.emit({ type: 'liveness', id })
      throw error
    }
  }

  #insertCreated(video: Video, seq: number, result: TransportResult): Video {
    this.#store.batch(() => {
      this.#store.merge(video, seq)
      this.#events.emit({ type: 'created', id: video.id })
    })
    this.#emitFresh([video.id], result.pollAfterMs)
    return this.#store.getVideo(video.id) ?? video
  }

  /**
   * A retrieve failed. A 404 for a job the cache knows means it was deleted elsewhere, or a gateway's
   * routing blip: it is taken as deleted only when the next retrieve (after the backoff) says 404 again.
   */
  #retrieveFailed(id: string, error: unknown): { ok: false; error: unknown; kind: FailureKind } {
    const outcome = this.#failed(error, [id])
    if (outcome.kind !== 'gone' || this.#store.getVideo(id) === undefined) return outcome
    if (!this.#missing.has(id)) {
      this.#missing.add(id)
      return { ...outcome, kind: 'transient' }
    }
    this.#missing.delete(id)
    this.#store.confirmDeleted(id)
    return outcome
  }

  /** Puts a poll failure in each job's state. */
  #failed(error: unknown, ids: Iterable<string>): { ok: false; error: unknown; kind: FailureKind } {
    const kind = classifyFailure(error)
    if (kind === 'aborted') return { ok: false, error, kind }
    const failure: VideoClientError = toVideoClientError(error)
    this.#store.batch(() => {
      for (const id of ids) this.#store.setMeta(id, { error: failure })
    })
    return { ok: false, error: failure, kind }
  }

  #setFetching(ids: ReadonlySet<string>, isFetching: boolean): void {
    this.#store.batch(() => ids.forEach((id) => this.#store.setMeta(id, { isFetching })))
  }

  #emitFresh(ids: readonly string[], pollAfterMs: number | undefined): void {
    this.#events.emit({ type: 'fresh', ids, pollAfterMs })
  }

  /**
   * Rows created in the same second keep the server's order: a page further down the list adds them, in
   * order, at the old end of their second; the top of the list adds them, oldest first, at the new end.
   */
  #indexCreation(page: FetchedPage): void {
    const newestFirst = page.order === 'desc' ? page.videos : [...page.videos].reverse()
    const downTheList = page.afterCursor === (page.order === 'desc')
    for (const { id, created_at } of downTheList ? newestFirst : [...newestFirst].reverse())
      if (!this.#store.isDeleted(id))
        this.#store.created.add(id, created_at, downTheList ? 'oldest' : 'newest')
  }

  /** The middle of a request sent at `sentAt` and answered now. */
  #middleSince(sentAt: number): number {
    return (sentAt + this.#store.clock.now()) / 2
  }

  #nextSeq(): number {
    return ++this.#seq
  }
}
