/*
 * LiteLLM's proxy (BerriAI/litellm) serving /v1/videos from Google Veo (`gemini/veo-*`), the upstream
 * whose transformation departs most from the spec; with an OpenAI or Azure upstream LiteLLM passes the
 * video through and only the id encoding below applies.
 * Sources (BerriAI/litellm):
 * - litellm/proxy/video_endpoints/endpoints.py: POST|GET /v1/videos, GET /v1/videos/{video_id}, GET
 *   …/content, POST …/remix (plus characters, edits, extensions); no DELETE route, so Starlette answers
 *   405 {"detail":"Method Not Allowed"}. Content always `media_type="video/mp4"` with `Content-Disposition:
 *   attachment; filename=video_{video_id}.mp4`, and the `variant` query is not passed on.
 * - litellm/types/videos/utils.py (+ SpecialEnums.LITELLM_MANAGED_VIDEO_COMPLETE_STR): ids are `video_` +
 *   base64("litellm:custom_llm_provider:{provider};model_id:{model_id};video_id:{upstream id}"); any id
 *   that decodes so is routed by it, padding optional.
 * - litellm/llms/gemini/videos/transformation.py: create answers status "processing" with `model` and
 *   nothing else; status answers "processing" until the operation is done, then "completed" — even when
 *   the operation failed (the download then fails with "No response data in completed operation"); the
 *   status id is re-encoded with an empty model_id. List, delete and remix raise NotImplementedError.
 * - PR #38148 review, issue #33423, PR #33553: status answers rewrite the id with a null model, so the id
 *   from the status route differs from the create id (both decode to the same upstream id).
 * - litellm/types/videos/main.py VideoObject: everything but id/object/status is Optional → null.
 * - litellm/proxy/_types.py ProxyException: {"error":{"message","type","param","code": str(status)}};
 *   messages carry the exception class ("litellm.NotFoundError: …"); an unmapped exception is
 *   litellm.APIConnectionError with status 500 (docs/my-website/docs/exception_mapping.md).
 * - PR #16192: `x-litellm-api-key` is accepted beside `Authorization: Bearer`.
 * Not emulated: xAI (`pending`/`processing`) and Runway (PENDING/RUNNING/THROTTLED) status maps
 * (litellm/llms/xai|runwayml/videos/transformation.py), which other upstreams would show.
 */
import { MockApiError } from '../envelope'
import { isTerminal, type MockVideo } from '../job-lifecycle'
import type { MockEndpoint } from '../routes'
import { bearerToken } from './openai'
import type { MockProfile } from './profile'

const PROVIDER = 'gemini'
const MANAGED_ID = /^litellm:custom_llm_provider:([^;]*);model_id:([^;]*);video_id:(.*)$/
const OPERATION = /\/operations\/(.+)$/
const OWN_PREFIX = 'video_'

/** Exception classes LiteLLM names in its messages, by status. */
const EXCEPTIONS: Readonly<Record<number, string>> = {
  400: 'BadRequestError',
  401: 'AuthenticationError',
  403: 'PermissionDeniedError',
  404: 'NotFoundError',
  408: 'Timeout',
  413: 'BadRequestError',
  422: 'UnprocessableEntityError',
  429: 'RateLimitError',
  503: 'ServiceUnavailableError',
}

/** LiteLLM's managed video id for a Veo operation of the mock's job `id`. */
export function litellmVideoId(id: string, model: string, modelId: string): string {
  const operation = `models/${model}/operations/${id.slice(OWN_PREFIX.length)}`
  return `${OWN_PREFIX}${btoa(`litellm:custom_llm_provider:${PROVIDER};model_id:${modelId};video_id:${operation}`)}`
}

function resolveId(wireId: string): string {
  if (!wireId.startsWith(OWN_PREFIX)) return wireId
  const encoded = wireId.slice(OWN_PREFIX.length)
  try {
    const decoded = atob(encoded.padEnd(Math.ceil(encoded.length / 4) * 4, '='))
    const operation = MANAGED_ID.exec(decoded)?.[3]
    const name = operation && OPERATION.exec(operation)?.[1]
    return name ? OWN_PREFIX + name : wireId
  } catch {
    return wireId
  }
}

function present(video: MockVideo, endpoint: MockEndpoint): object {
  const created = endpoint === 'create'
  return {
    id: litellmVideoId(video.id, video.model, created ? video.model : ''),
    object: 'video',
    status: created || !isTerminal(video.status) ? 'processing' : 'completed',
    created_at: null,
    completed_at: null,
    expires_at: null,
    error: null,
    progress: null,
    remixed_from_video_id: null,
    seconds: null,
    size: null,
    model: created ? video.model : null,
    usage: created ? { duration_seconds: Number(video.seconds) } : null,
  }
}

/** LiteLLM's ProxyException body: the status as a string `code`; `param` "None" where LiteLLM sets a type. */
function proxyError(
  status: number,
  message: string,
  { type = null, headers = {} }: { type?: string | null; headers?: Record<string, string> } = {},
): MockApiError {
  const body = { error: { message, type, param: type === null ? null : 'None', code: String(status) } }
  return new MockApiError(status, { message, body, headers })
}

function notImplemented(what: string): MockApiError {
  return proxyError(500, `litellm.APIConnectionError: ${what}`)
}

function renderError(error: MockApiError): MockApiError {
  if (error.body !== undefined) return error
  if (error.reason === 'not-found') {
    return proxyError(404, 'litellm.NotFoundError: GeminiException - Requested entity was not found.')
  }
  if (error.reason === 'not-ready') {
    return notImplemented(
      error.video?.status === 'failed'
        ? 'No response data in completed operation'
        : 'Video generation is not complete yet. Please check status with video_status() before downloading.',
    )
  }
  if (error.reason === 'route-not-found') return starlette(404, 'Not Found')
  if (error.reason === 'method-not-allowed') return starlette(405, 'Method Not Allowed', error.headers)
  const exception = EXCEPTIONS[error.status] ?? 'APIConnectionError'
  return proxyError(error.status, `litellm.${exception}: ${error.message}`, { headers: error.headers })
}

function starlette(status: number, detail: string, headers: Record<string, string> = {}): MockApiError {
  return new MockApiError(status, { message: detail, body: { detail }, headers })
}

/**
 * LiteLLM in front of Veo: `processing`/`completed` only, nulls everywhere, ids re-encoded per route,
 * no list/delete/remix, no content variants, LiteLLM's error bodies.
 */
export const litellmProfile: MockProfile = {
  capabilities: {
    name: 'litellm',
    list: false,
    delete: false,
    remix: false,
    contentVariants: false,
    jsonCreate: true,
    stableIds: false,
    statuses: ['processing', 'completed'],
    looseFields: ['progress', 'created_at', 'model', 'size', 'seconds', 'completed_at', 'expires_at'],
    requiredQuery: [],
    authHeaders: ['authorization', 'x-litellm-api-key'],
    errorBody: 'litellm',
  },
  defaults: { model: 'veo-3.0-generate-preview', size: '1280x720', seconds: '8' },
  authenticate(headers, apiKey) {
    const sent = bearerToken(headers) ?? headers.get('x-litellm-api-key') ?? undefined
    if (sent === apiKey) return undefined
    const message =
      sent === undefined
        ? 'Authentication Error, No api key passed in.'
        : 'Authentication Error, Invalid proxy server token passed. valid_token=None.'
    return proxyError(401, message, { type: 'auth_error' })
  },
  unsupported(endpoint) {
    if (endpoint === 'delete') return starlette(405, 'Method Not Allowed', { allow: 'GET' })
    return endpoint === 'list'
      ? notImplemented(
          'Video list is not supported by Google Veo. Use the operations endpoint directly if you need to list operations.',
        )
      : notImplemented(
          'Video remix is not supported by Google Veo. Please use video_generation() to create new videos.',
        )
  },
  resolveId,
  present: (video, _job, { endpoint }) => present(video, endpoint),
  renderError,
  contentHeaders: (wireId) => ({ 'content-disposition': `attachment; filename=video_${wireId}.mp4` }),
}
