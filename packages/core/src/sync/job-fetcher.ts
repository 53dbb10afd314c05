import { toVideoClientError, type VideoClientError } from '../errors'
import { parseVideo, parseVideoList, type ReadContext } from '../schema/read-video'
import type { Video, VideoList } from '../schema/video'
import { Listeners } from '../store/listeners'
import type { VideoStore } from '../store/video-store'
import { assertVideoId } from '../transport/paths'
import type { ListRequestQuery, TransportResult, VideoTransport } from '../transport/types'
import type { VideoServerCapabilities } from '../types'
import type { FetchedPage, FetchEvent, PagePollOutcome, PollOutcome } from './fetch-types'
import { Capabilities, unsupported } from './capabilities'
import { indexCreation } from './creation-order'
import { classifyFailure, type FailureKind } from './failure-policy'
import { keepRows, MAX_PAGE_ROWS } from './keep-rows'
import type { RequestPipe } from './requests'

/**
 * Every read and write of the server, and the only place its answers enter the cache: it numbers requests
 * (so the store can drop answers older than what it holds), validates each body, merges it, and records
 * failures in the jobs' states. It knows nothing above it: the poller and the lists listen to its events.
 */
export class JobFetcher {
  #seq = 0
  /** Known jobs whose last retrieve answered 404: one more 404 in a row confirms them gone. */
  readonly #missing = new Set<string>()
  readonly #events = new Listeners<FetchEvent>()
  /** Ids a server answered with for a job the app knows by another id (LiteLLM re-encodes them): theirs → ours. */
  readonly #aliases = new Map<string, string>()
  readonly #transport: VideoTransport
  readonly #store: VideoStore
  readonly #requests: RequestPipe
  /** What the server can do: declared, then learned from its answers. */
  readonly capabilities: Capabilities
  #pushCovered = false

  constructor(
    transport: VideoTransport,
    store: VideoStore,
    requests: RequestPipe,
    capabilities: VideoServerCapabilities = {},
  ) {
    this.#transport = transport
    this.#store = store
    this.#requests = requests
    this.capabilities = new Capabilities(capabilities, store.clock)
    requests.onResume(() => this.#events.emit({ type: 'resumed' }))
  }

  /** When requests may go again after a 429, or undefined if they may go now. */
  get pausedUntil(): number | undefined {
    return this.#requests.pausedUntil
  }

  /** A push source is open and caught up: polls of the jobs are only confirmations (sync/push-updates.ts). */
  get pushCovered(): boolean {
    return this.#pushCovered
  }

  /** The push source opened or dropped; a drop makes every watched job due at once (`push-lost`). */
  coverByPush(covered: boolean): void {
    const lost = this.#pushCovered && !covered
    this.#pushCovered = covered
    if (lost) this.pushMissed()
  }

  /** Pushed updates were missed: every watched job is fetched again. */
  pushMissed(): void {
    this.#events.emit({ type: 'push-lost' })
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
        seq = this.nextSeq()
        sentAt = this.#store.clock.now()
        this.#store.setMeta(id, { isFetching: true })
        return this.#transport.retrieve(id, { signal: s })
      }, signal)
      this.#noteAlias(result.body, id)
      const video = parseVideo(result.body, `GET /videos/${id}`, this.#context(id))
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
    guessed = false,
  ): Promise<PagePollOutcome> {
    this.#setFetching(ids, true)
    try {
      const query =
        after === undefined ? { order: 'desc' as const, limit } : { order: 'desc' as const, limit, after }
      const page = await this.page(query, signal, guessed)
      const overlap = page.videos.some((video) => this.#store.created.rankOf(video.id) !== undefined)
      this.commit([page], () => ids.forEach((id) => this.#store.setMeta(id, { error: undefined })))
      const held = new Set(page.videos.map((video) => video.id))
      const oldest = page.videos.at(-1)?.created_at
      const full = page.videos.length >= limit
      const { lastId, pollAfterMs } = page
      return { ok: true, ids: held, full, oldest, lastId, overlap, pollAfterMs }
    } catch (error) {
      // A list route the server turned out not to have is no failure of its jobs: they go on without it.
      if (!this.capabilities.list && classifyFailure(error) !== 'aborted')
        return { ok: false, error, kind: 'unsupported' }
      return this.#failed(error, ids)
    } finally {
      this.#setFetching(ids, false)
    }
  }

  /** Fetches and validates one list page; nothing is merged until `commit`. See `listFailed` for `guessed`. */
  async page(query: ListRequestQuery, signal: AbortSignal, guessed = false): Promise<FetchedPage> {
    if (!this.capabilities.list) throw unsupported('list', 'list videos', 'it has no list route')
    const seq = this.nextSeq()
    let sentAt = 0
    const result = await this.#requests
      .send((s) => {
        sentAt = this.#store.clock.now()
        return this.#transport.list(query, { signal: s })
      }, signal)
      .catch((error: unknown) => {
        this.capabilities.listFailed(error, guessed)
        throw error
      })
    const limit = query.limit ?? MAX_PAGE_ROWS
    const { body, excess } = keepRows(result.body, limit, query)
    const page = this.#readPage(body, guessed)
    const lastId = excess ? (page.data.at(-1)?.id ?? null) : (page.last_id ?? page.data.at(-1)?.id ?? null)
    return {
      videos: page.data,
      lastId,
      pollAfterMs: result.pollAfterMs,
      hasMore: page.has_more || excess !== undefined,
      order: query.order ?? 'desc',
      after: query.after,
      seq,
      observedAt: this.#middleSince(sentAt),
      excess,
    }
  }

  /** Merges pages into the cache and applies `update` (to a list) in the same batch. */
  commit(pages: readonly FetchedPage[], update: () => void): void {
    this.#store.batch(() => {
      for (const page of pages) {
        indexCreation(this.#store, page)
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

  /**
   * A video from outside the poller enters the cache like a polled one: the app's (`client.ingest`) or a
   * pushed one. A pushed video this client did not know was made elsewhere (another tab, another device of
   * the user), so the loaded lists place it, as they do one created here.
   */
  ingest(video: unknown, pushed = false): void {
    const parsed = parseVideo(video, pushed ? 'a pushed video' : 'ingest()', this.#context())
    const discovered = pushed && this.#store.getVideo(parsed.id) === undefined
    this.#store.batch(() => {
      this.#store.merge(parsed, this.nextSeq())
      if (discovered && !this.#store.isDeleted(parsed.id))
        this.#events.emit({ type: 'discovered', id: parsed.id })
    })
    this.#emitFresh([parsed.id], undefined)
  }

  /**
   * A video created (or remixed) here enters the cache: every loaded list places it (the `created` event,
   * inside the same batch), and the poller counts its next poll from now.
   */
  acceptCreated(video: Video, seq: number, result: TransportResult): Video {
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

  /** A list answer, read; what it says of the list route is learned. */
  #readPage(body: unknown, guessed: boolean): VideoList {
    try {
      const page = parseVideoList(body, 'GET /videos', this.#context())
      this.capabilities.listAnswered()
      return page
    } catch (error) {
      this.capabilities.listFailed(error, guessed)
      throw error
    }
  }

  /** Reads a video body (normalized, validated): about `requestedId` if given, falling back on `sent`. */
  readVideo(body: unknown, source: string, about: Pick<ReadContext, 'requestedId' | 'sent'> = {}): Video {
    return parseVideo(body, source, { ...this.#context(about.requestedId), sent: about.sent })
  }

  /** A job's liveness changed by a write (a delete, or its rollback): the poller stops or resumes it. */
  livenessChanged(id: string): void {
    this.#events.emit({ type: 'liveness', id })
  }

  /** How bodies are read: the job asked about (its identity), the aliases, the cache, the time. */
  #context(requestedId?: string): ReadContext {
    return {
      requestedId,
      idOf: (serverId) => this.#aliases.get(serverId),
      cached: (id) => this.#store.getVideo(id),
      nowSeconds: () => Math.floor(this.#store.clock.now() / 1000),
    }
  }

  /** The id the app asked about is the job's identity: another id in the answer becomes its alias. */
  #noteAlias(body: unknown, id: string): void {
    const answered = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined
    if (typeof answered === 'string' && answered !== '' && answered !== id) this.#aliases.set(answered, id)
  }

  /** The middle of a request sent at `sentAt` and answered now. */
  #middleSince(sentAt: number): number {
    return (sentAt + this.#store.clock.now()) / 2
  }

  /** A new request sequence number: answers to older requests never replace newer data. */
  nextSeq(): number {
    return ++this.#seq
  }
}
