import { VideoApiError, VideoUnsupportedError } from '../errors'
import { parseBody, parseInput } from '../schema/parse'
import {
  CreateVideoParamsSchema,
  RemixVideoParamsSchema,
  type CreateVideoParams,
  type RemixVideoParams,
} from '../schema/params'
import type { Scheduler } from '../scheduler'
import { DeletedVideoSchema, type Video, type VideoContentVariant } from '../schema/video'
import type { VideoStore } from '../store/video-store'
import { assertContentType } from '../transport/content-type'
import { assertVideoId } from '../transport/paths'
import type { VideoTransport } from '../transport/types'
import { backoffDelay, type BackoffOptions } from './backoff'
import { unsupported } from './capabilities'
import { classifyFailure } from './failure-policy'
import type { JobFetcher } from './job-fetcher'
import type { RequestPipe } from './requests'

/** What writes go through. */
export interface JobWriterDeps {
  readonly transport: VideoTransport
  readonly store: VideoStore
  readonly requests: RequestPipe
  /** Where answers enter the cache, numbered, and where what happened is told. */
  readonly fetcher: JobFetcher
  /** Times the looks after a delete whose outcome is unknown, backing off like failed polls. */
  readonly scheduler: Scheduler
  readonly backoff: BackoffOptions
}

/**
 * The calls that change something on the server, and the download: create and remix (validated before
 * they leave; the answer enters the cache through the fetcher), an optimistic delete that a refusal rolls
 * back, and content checked against its variant. What the server cannot do is refused unsent.
 */
export class JobWriter {
  readonly #deletes = new Map<string, Promise<void>>()
  readonly #deps: JobWriterDeps

  constructor(deps: JobWriterDeps) {
    this.#deps = deps
  }

  async create(params: CreateVideoParams): Promise<Video> {
    const input = parseInput(CreateVideoParamsSchema, params, 'create() params')
    const seq = this.#deps.fetcher.nextSeq()
    const result = await this.#deps.requests.send((signal) => this.#deps.transport.create(input, { signal }))
    const { prompt, model, size, seconds } = input
    const video = this.#deps.fetcher.readVideo(result.body, 'POST /videos', {
      sent: { prompt, model, size, seconds },
    })
    return this.#deps.fetcher.acceptCreated(video, seq, result)
  }

  async remix(id: string, params: RemixVideoParams): Promise<Video> {
    assertVideoId(id)
    const input = parseInput(RemixVideoParamsSchema, params, 'remix() params')
    const seq = this.#deps.fetcher.nextSeq()
    const result = await this.#deps.requests.send((signal) =>
      this.#deps.transport.remix(id, input, { signal }),
    )
    const sent = { prompt: input.prompt, remixed_from_video_id: id }
    const video = this.#deps.fetcher.readVideo(result.body, `POST /videos/${id}/remix`, { sent })
    return this.#deps.fetcher.acceptCreated(video, seq, result)
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
    if (!this.#deps.fetcher.capabilities.delete)
      return Promise.reject(unsupported('delete', 'delete videos', 'it has no delete route'))
    if (!this.#deps.store.markDeleted(id)) return Promise.resolve()
    this.#deps.fetcher.livenessChanged(id)
    const request = this.#runDelete(id).finally(() => this.#deletes.delete(id))
    this.#deletes.set(id, request)
    return request
  }

  /** The body is read inside the request, so an abort also stops the bytes. */
  downloadContent(id: string, variant: VideoContentVariant, signal?: AbortSignal): Promise<Blob> {
    if (variant !== 'video' && !this.#deps.fetcher.capabilities.contentVariants)
      return Promise.reject(
        unsupported('contentVariants', `serve a ${variant}`, 'it answers the video for every variant'),
      )
    return this.#deps.requests.send(async (s) => {
      const response = await this.#deps.transport.downloadContent(id, { variant }, { signal: s })
      const type = response.headers.get('content-type') ?? ''
      if (variant !== 'video' && /^video\//i.test(type)) {
        this.#deps.fetcher.capabilities.variantsIgnored()
        await response.body?.cancel()
        throw unsupported(
          'contentVariants',
          `serve a ${variant}`,
          `it answered ${type} to ?variant=${variant}`,
          {},
        )
      }
      assertContentType(response, variant, id)
      return response.blob()
    }, signal)
  }

  async #runDelete(id: string): Promise<void> {
    try {
      const result = await this.#deps.requests.send((signal) => this.#deps.transport.delete(id, { signal }))
      parseBody(DeletedVideoSchema, result.body, `DELETE /videos/${id}`)
      this.#deps.store.confirmDeleted(id)
    } catch (error) {
      // A 404 (which a server without a delete route answers too) or an answer lost on its way back (a
      // 5xx, a timeout, a dropped connection or a broken body, after the server may have deleted it)
      // leaves the outcome open: a retrieve tells.
      const kind = classifyFailure(error)
      const look = kind === 'gone' || kind === 'transient' ? await this.#look(id) : undefined
      if (look === 'gone') return this.#deps.store.confirmDeleted(id)
      this.#deps.store.restore(id)
      this.#deps.fetcher.livenessChanged(id)
      // Still open: the video is back, and the client keeps looking (backing off) until the server says.
      if (look === 'unknown') void this.#lookUntilKnown(id)
      throw this.#deleteRefused(id, error, kind === 'gone' && look === 'there')
    }
  }

  /**
   * After a delete whose outcome stayed unknown: looks again, backing off, until the server says whether
   * the video is there; if it is gone, the delete did happen and the job ends deleted. A delete of the
   * same job started meanwhile takes over.
   */
  async #lookUntilKnown(id: string): Promise<void> {
    const { requests, store, scheduler, backoff } = this.#deps
    for (let attempt = 1; !requests.disposed; attempt++) {
      await new Promise<void>((resolve) => {
        const cancel = scheduler.schedule(done, backoffDelay(attempt, backoff))
        const stop = requests.onDispose(done)
        function done(): void {
          cancel()
          stop()
          resolve()
        }
      })
      if (requests.disposed || store.isDeleted(id)) return
      const look = await this.#look(id)
      if (look === 'there' || store.isDeleted(id)) return
      if (look === 'gone') {
        store.confirmDeleted(id)
        return this.#deps.fetcher.livenessChanged(id)
      }
    }
  }

  /** Why a delete failed; a server shown to have no delete route has later deletes refused unsent. */
  #deleteRefused(id: string, error: unknown, stillThere: boolean): unknown {
    const { capabilities } = this.#deps.fetcher
    if (stillThere) {
      capabilities.deleteIgnored()
      return notDeleted(id, error)
    }
    capabilities.deleteFailed(error)
    if (capabilities.delete) return error
    const status = error instanceof VideoApiError ? error.status : 'an error'
    return unsupported('delete', 'delete videos', `it answered ${status} to DELETE /videos/${id}`, {
      cause: error,
    })
  }

  /**
   * After a DELETE that failed in a way that leaves its outcome open: a retrieve tells whether the video
   * is gone, still there, or (if it fails too, or answers no video) unknown.
   */
  async #look(id: string): Promise<'gone' | 'there' | 'unknown'> {
    try {
      const result = await this.#deps.requests.send((signal) => this.#deps.transport.retrieve(id, { signal }))
      // Only a video says it is there; a broken body says nothing.
      this.#deps.fetcher.readVideo(result.body, `GET /videos/${id}`, { requestedId: id })
      return 'there'
    } catch (error) {
      return classifyFailure(error) === 'gone' ? 'gone' : 'unknown'
    }
  }
}

/** A DELETE said 404 but the video is still there: the server did not delete it. */
function notDeleted(id: string, cause: unknown): VideoUnsupportedError {
  return new VideoUnsupportedError(
    'delete',
    `The server answered 404 to DELETE /videos/${id}, yet the video is still there: it did not delete it ` +
      '(a server without a delete route answers so). The video is back in place, and later deletes are ' +
      'refused unsent (docs/servers.md).',
    { cause },
  )
}
