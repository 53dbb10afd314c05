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
import { classifyFailure, type FailureKind } from './failure-policy'
import type { RequestPipe } from './requests'

/** The spec's largest page: the newest page, used to answer many due jobs with one request. */
export const NEWEST_PAGE_SIZE = 100

/** The outcome of one poll, once its answer is merged (or refused). */
export type PollOutcome =
  { ok: true; pollAfterMs?: number | undefined } | { ok: false; error: unknown; kind: FailureKind }

/** The outcome of a coalesced poll: which ids the newest page answered. */
export type PagePollOutcome =
  | { ok: true; ids: ReadonlySet<string>; pollAfterMs?: number | undefined }
  | { ok: false; error: unknown; kind: FailureKind }

/** One fetched and validated page, with the sequence number of its request. */
export interface FetchedPage {
  readonly videos: readonly Video[]
  readonly lastId: string | null
  readonly hasMore: boolean
  readonly seq: number
  /** `openai-poll-after-ms` of the answer, if the server sent one. */
  readonly pollAfterMs: number | undefined
}

/**
 * What the fetcher tells whoever listens: fresh data arrived for some jobs by a path other than their own
 * poll (`fresh`), a job was created here (`created`, inside the store batch that added it), a job's
 * liveness changed by a delete or its rollback (`liveness`), a 429 pause ended (`resumed`).
 */
export type FetchEvent =
  | { readonly type: 'fresh'; readonly ids: readonly string[]; readonly pollAfterMs: number | undefined }
  | { readonly type: 'created'; readonly id: string }
  | { readonly type: 'liveness'; readonly id: string }
  | { readonly type: 'resumed' }

/**
 * Every read and write of the server, and the only place its answers enter the cache: it numbers requests
 * (so the store can drop answers older than what it holds), validates each body, merges it, and records
 * failures in the jobs' states. It knows nothing above it: the poller and the lists listen to its events.
 */
export class JobFetcher {
  #seq = 0
  readonly #deletes = new Map<string, Promise<void>>()
  readonly #events = new Listeners<FetchEvent>()
  readonly #findEqual = (raw: unknown): Video | undefined => this.#store.findEqual(raw)
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
    try {
      const result = await this.#requests.send((s) => {
        seq = this.#nextSeq()
        this.#store.setMeta(id, { isFetching: true })
        return this.#transport.retrieve(id, { signal: s })
      }, signal)
      const video = parseVideo(result.body, `GET /videos/${id}`, this.#findEqual)
      this.#store.batch(() => {
        this.#store.merge(video, seq)
        this.#store.setMeta(id, { error: undefined })
      })
      return { ok: true, pollAfterMs: result.pollAfterMs }
    } catch (error) {
      return this.#failed(error, [id])
    } finally {
      this.#store.setMeta(id, { isFetching: false })
    }
  }

  /** Refreshes `ids` with one request for the newest page; says which of them it held. */
  async newestPage(ids: ReadonlySet<string>, signal: AbortSignal): Promise<PagePollOutcome> {
    this.#setFetching(ids, true)
    try {
      const page = await this.page({ order: 'desc', limit: NEWEST_PAGE_SIZE }, signal)
      this.commit([page], () => ids.forEach((id) => this.#store.setMeta(id, { error: undefined })))
      return { ok: true, ids: new Set(page.videos.map((video) => video.id)), pollAfterMs: page.pollAfterMs }
    } catch (error) {
      return this.#failed(error, ids)
    } finally {
      this.#setFetching(ids, false)
    }
  }

  /** Fetches and validates one list page; nothing is merged until `commit`. */
  async page(query: ListRequestQuery, signal: AbortSignal): Promise<FetchedPage> {
    const seq = this.#nextSeq()
    const result = await this.#requests.send((s) => this.#transport.list(query, { signal: s }), signal)
    const page = parseVideoList(result.body, 'GET /videos', this.#findEqual)
    return {
      videos: page.data,
      lastId: page.last_id ?? page.data.at(-1)?.id ?? null,
      pollAfterMs: result.pollAfterMs,
      hasMore: page.has_more,
      seq,
    }
  }

  /** Merges pages into the cache and applies `update` (to a list) in the same batch. */
  commit(pages: readonly FetchedPage[], update: () => void): void {
    this.#store.batch(() => {
      for (const page of pages) for (const video of page.videos) this.#store.merge(video, page.seq)
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

  /** Puts a poll failure in each job's state; a 404 for a job we knew means it was deleted elsewhere. */
  #failed(error: unknown, ids: Iterable<string>): { ok: false; error: unknown; kind: FailureKind } {
    const kind = classifyFailure(error)
    if (kind === 'aborted') return { ok: false, error, kind }
    const failure: VideoClientError = toVideoClientError(error)
    this.#store.batch(() => {
      for (const id of ids) {
        if (kind === 'gone' && this.#store.getVideo(id) !== undefined) this.#store.confirmDeleted(id)
        this.#store.setMeta(id, { error: failure })
      }
    })
    return { ok: false, error: failure, kind }
  }

  #setFetching(ids: ReadonlySet<string>, isFetching: boolean): void {
    this.#store.batch(() => ids.forEach((id) => this.#store.setMeta(id, { isFetching })))
  }

  #emitFresh(ids: readonly string[], pollAfterMs: number | undefined): void {
    this.#events.emit({ type: 'fresh', ids, pollAfterMs })
  }

  #nextSeq(): number {
    return ++this.#seq
  }
}
