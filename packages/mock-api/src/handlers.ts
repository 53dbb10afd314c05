import { contentAsset, isContentVariant } from './assets'
import { invalidParam, jsonResponse, MockApiError } from './envelope'
import { isTerminal, type MockVideo } from './job-lifecycle'
import type { JobStore } from './job-store'
import { paginate, parseListQuery } from './pagination'
import { readRequestFields } from './request-body'
import type { MockEndpoint } from './routes'
import { parseCreateParams, parseRemixParams } from './video-params'

/** What an endpoint handler needs to answer one request. */
export interface HandlerContext {
  request: Request
  url: URL
  /** The decoded `{id}` of item routes; `''` on `/videos`. */
  id: string
  jobs: JobStore
  maxBodyBytes: number
  pollAfterMs: number | undefined
}

/** Answers one endpoint; throws {@link MockApiError} for error answers. */
export type EndpointHandler = (context: HandlerContext) => Promise<Response>

/** The spec's `DeletedVideoResource`. */
export interface MockDeletedVideo {
  id: string
  object: 'video.deleted'
  deleted: true
}

/** The spec's `VideoListResource`. */
export interface MockVideoList {
  object: 'list'
  data: MockVideo[]
  first_id: string | null
  last_id: string | null
  has_more: boolean
}

/**
 * The six endpoints, each faithful to the spec's shapes, statuses and error envelope.
 *
 * @example
 * const response = await endpointHandlers.retrieve({ request, url, id: 'video_1', jobs, maxBodyBytes, pollAfterMs })
 */
export const endpointHandlers: Readonly<Record<MockEndpoint, EndpointHandler>> = {
  async list({ url, jobs, pollAfterMs }) {
    const entries = jobs.timeline().map((record) => ({ id: record.plan.id, deleted: record.deleted }))
    const page = paginate(entries, parseListQuery(url.searchParams))
    const data = page.ids.flatMap((id) => jobs.get(id) ?? [])
    const list: MockVideoList = {
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: page.hasMore,
    }
    return jsonResponse(list, 200, pollHeaders(data, pollAfterMs))
  },

  async create({ request, jobs, maxBodyBytes, pollAfterMs }) {
    const params = parseCreateParams(await readRequestFields(request, maxBodyBytes))
    return videoResponse(jobs.add(params), pollAfterMs)
  },

  async retrieve({ id, jobs, pollAfterMs }) {
    return videoResponse(findVideo(jobs, id), pollAfterMs)
  },

  async delete({ id, jobs }) {
    if (!jobs.remove(id)) throw notFound(id)
    const deleted: MockDeletedVideo = { id, object: 'video.deleted', deleted: true }
    return jsonResponse(deleted)
  },

  async remix({ request, id, jobs, maxBodyBytes, pollAfterMs }) {
    const source = findVideo(jobs, id)
    const { prompt } = parseRemixParams(await readRequestFields(request, maxBodyBytes))
    assertCompleted(source, 'remixed')
    const { model, size, seconds } = source
    return videoResponse(
      jobs.add({ prompt, model, size, seconds, remixedFromVideoId: source.id }),
      pollAfterMs,
    )
  },

  async content({ url, id, jobs }) {
    const video = findVideo(jobs, id)
    const variant = url.searchParams.get('variant') ?? 'video'
    if (!isContentVariant(variant)) {
      throw invalidParam(
        'variant',
        `variant must be 'video', 'thumbnail' or 'spritesheet'; got '${variant}'.`,
      )
    }
    assertCompleted(video, 'downloaded')
    const { bytes, contentType } = await contentAsset(variant, video)
    return new Response(bytes, {
      headers: { 'content-type': contentType, 'content-length': String(bytes.byteLength) },
    })
  },
}

function findVideo(jobs: JobStore, id: string): MockVideo {
  const video = jobs.get(id)
  if (!video) throw notFound(id)
  return video
}

function notFound(id: string): MockApiError {
  return new MockApiError(404, {
    message: `No video found with id '${id}'. It never existed or was deleted; list videos with GET /videos.`,
    code: 'video_not_found',
  })
}

function assertCompleted(video: MockVideo, action: string): void {
  if (video.status === 'completed') return
  throw new MockApiError(400, {
    message: `Video '${video.id}' is ${video.status} (progress ${video.progress}%); only completed videos can be ${action}. Wait until its status is 'completed'.`,
    code: 'video_not_ready',
  })
}

function videoResponse(video: MockVideo, pollAfterMs: number | undefined): Response {
  return jsonResponse(video, 200, pollHeaders([video], pollAfterMs))
}

/** The poll hint goes only on answers that still describe work in progress. */
function pollHeaders(videos: readonly MockVideo[], pollAfterMs: number | undefined): Record<string, string> {
  const live = videos.some((video) => !isTerminal(video.status))
  return pollAfterMs !== undefined && live ? { 'openai-poll-after-ms': String(pollAfterMs) } : {}
}
