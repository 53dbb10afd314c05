import { contentAsset, isContentVariant, type MockContentVariant } from './assets'
import { invalidParam, jsonResponse, MockApiError } from './envelope'
import { isTerminal, type MockVideo } from './job-lifecycle'
import { DEFAULT_VIDEO_PARAMS, type JobStore } from './job-store'
import { paginate, parseListQuery } from './pagination'
import type { JobView, MockProfile } from './profiles/profile'
import { readRequestFields, type RequestFields } from './request-body'
import type { MockEndpoint } from './routes'
import { parseCreateParams, parseRemixParams } from './video-params'

/** What an endpoint handler needs to answer one request. */
export interface HandlerContext {
  request: Request
  url: URL
  /** The mock's own id of item routes (the profile resolved the one sent); `''` on `/videos`. */
  id: string
  /** The id as the client sent it. */
  wireId: string
  jobs: JobStore
  /** The server the mock imitates. */
  profile: MockProfile
  /** The clock's time the request is answered at. */
  now: number
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

/** A job as the server believes it is, and as it sends it. */
interface Seen {
  video: MockVideo
  wire: { id: string } & Record<string, unknown>
}

/**
 * The six endpoints, faithful to the spec's shapes, statuses and error envelope, and to the profile's
 * server where it departs from them.
 */
export const endpointHandlers: Readonly<Record<MockEndpoint, EndpointHandler>> = {
  async list(context) {
    const { url, jobs, profile, pollAfterMs } = context
    const query = parseListQuery(url.searchParams)
    const after = query.after === undefined ? {} : { after: resolveId(profile, query.after) }
    const entries = jobs.timeline().map((record) => ({ id: record.plan.id, deleted: record.deleted }))
    const page = paginate(entries, { ...query, ...after }, { unknownAfter: profile.unknownCursor ?? 'error' })
    const seen = page.ids.flatMap((id) => {
      const view = jobs.view(id)
      return view ? [see(context, view, 'list')] : []
    })
    const data = seen.map(({ wire }) => wire)
    const list = {
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: page.hasMore,
    }
    const videos = seen.map(({ video }) => video)
    return jsonResponse(list, 200, pollHeaders(videos, pollAfterMs))
  },

  async create(context) {
    const { jobs, profile } = context
    const params = parseCreateParams(await readBody(context, 'create'), {
      ...DEFAULT_VIDEO_PARAMS,
      ...profile.defaults,
    })
    const refused = profile.checkModel?.(params.model)
    if (refused) throw refused
    return videoResponse(context, created(jobs, jobs.add(params).id), 'create')
  },

  async retrieve(context) {
    return videoResponse(context, findJob(context), 'retrieve')
  },

  async delete({ id, wireId, jobs }) {
    if (!jobs.remove(id)) throw notFound(wireId)
    const deleted: MockDeletedVideo = { id: wireId, object: 'video.deleted', deleted: true }
    return jsonResponse(deleted)
  },

  async remix(context) {
    const { jobs } = context
    const view = findJob(context)
    const source = observe(context, view)
    const { prompt } = parseRemixParams(await readBody(context, 'remix'))
    assertCompleted(source, 'remixed')
    const { model, size, seconds } = source
    const remix = jobs.add({ prompt, model, size, seconds, remixedFromVideoId: source.id })
    return videoResponse(context, created(jobs, remix.id), 'remix')
  },

  async content(context) {
    const { url, wireId, profile } = context
    const video = observe(context, findJob(context))
    const variant = profile.capabilities.contentVariants ? contentVariant(url) : 'video'
    assertCompleted(video, 'downloaded')
    const { bytes, contentType } = await contentAsset(variant, video)
    return new Response(bytes, {
      headers: {
        'content-type': contentType,
        'content-length': String(bytes.byteLength),
        ...profile.contentHeaders?.(wireId),
      },
    })
  },
}

function contentVariant(url: URL): MockContentVariant {
  const variant = url.searchParams.get('variant') ?? 'video'
  if (isContentVariant(variant)) return variant
  throw invalidParam('variant', `variant must be 'video', 'thumbnail' or 'spritesheet'; got '${variant}'.`)
}

function resolveId(profile: MockProfile, wireId: string): string {
  return profile.resolveId?.(wireId) ?? wireId
}

/** A create or remix body, after the profile had its say on the media type. */
async function readBody(context: HandlerContext, endpoint: MockEndpoint): Promise<RequestFields> {
  const { request, profile, maxBodyBytes } = context
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? ''
  const refused = profile.checkBody?.(mediaType, endpoint)
  if (refused) throw refused
  return readRequestFields(request, maxBodyBytes)
}

function created(jobs: JobStore, id: string): JobView {
  const view = jobs.view(id)
  if (!view) throw new Error(`The job ${id} was created but cannot be read back.`)
  return view
}

function findJob({ jobs, id, wireId }: HandlerContext): JobView {
  const view = jobs.view(id)
  if (!view) throw notFound(wireId)
  return view
}

function observe({ profile, now }: HandlerContext, view: JobView): MockVideo {
  return profile.observe?.(view, now) ?? view.at(now)
}

function see(context: HandlerContext, view: JobView, endpoint: MockEndpoint): Seen {
  const video = observe(context, view)
  const presented = context.profile.present?.(video, view, { endpoint, nowMs: context.now }) ?? video
  return { video, wire: presented as Seen['wire'] }
}

function notFound(id: string): MockApiError {
  return new MockApiError(404, {
    message: `No video found with id '${id}'. It never existed or was deleted; list videos with GET /videos.`,
    code: 'video_not_found',
    reason: 'not-found',
  })
}

function assertCompleted(video: MockVideo, action: string): void {
  if (video.status === 'completed') return
  throw new MockApiError(400, {
    message: `Video '${video.id}' is ${video.status} (progress ${video.progress}%); only completed videos can be ${action}. Wait until its status is 'completed'.`,
    code: 'video_not_ready',
    reason: 'not-ready',
    video,
  })
}

function videoResponse(context: HandlerContext, view: JobView, endpoint: MockEndpoint): Response {
  const { video, wire } = see(context, view, endpoint)
  return jsonResponse(wire, 200, pollHeaders([video], context.pollAfterMs))
}

/** The poll hint goes only on answers that still describe work in progress. */
function pollHeaders(videos: readonly MockVideo[], pollAfterMs: number | undefined): Record<string, string> {
  const live = videos.some((video) => !isTerminal(video.status))
  return pollAfterMs !== undefined && live ? { 'openai-poll-after-ms': String(pollAfterMs) } : {}
}
