/*
 * vLLM-Omni's OpenAI-compatible server (vllm-project/vllm-omni) serving a diffusion video model (Wan2.2),
 * self-hosted: a FastAPI app.
 * Sources (vllm-project/vllm-omni):
 * - vllm_omni/entrypoints/openai/api_server.py: POST /v1/videos takes `prompt: str = Form(...)` and the
 *   other fields as Form/File parameters, so a JSON body fails FastAPI validation: 422 {"detail":[{"type":
 *   "missing","loc":["body","prompt"],"msg":"Field required","input":null}]}. GET /v1/videos pages with
 *   `limit` (Query ge=0 le=100 → 422 beyond) and `after` (an unknown id gives an empty page, not a 400).
 *   GET /v1/videos/{id} and DELETE (cancels a running job first) answer 404 {"detail":"Video not found"}.
 *   GET …/content ignores `variant`; 404 {"detail":"Generation is still in-progress"} before completion,
 *   422 {"detail":"Video generation failed. Check job status for error details."} after a failure. No
 *   remix route: Starlette's 404 {"detail":"Not Found"}.
 * - _run_video_generation_job: status goes queued → in_progress → completed | failed; `progress` is only
 *   ever set to 100 on completion (0 until then); a failure stores _video_error_from_exception(exc), whose
 *   `code` is the HTTP status as a number (500) — older versions used the exception's class name.
 * - vllm_omni/entrypoints/openai/protocol/videos.py VideoResponse: id `video_gen_<uuid hex>`, `seconds`
 *   default "4", extra fields quality, media_type, file_name, inference_time_s, stage_durations,
 *   peak_memory_mb; VideoError.code is `int | str`.
 * - vLLM's AuthenticationMiddleware (vllm/entrypoints/openai/api_server.py): `--api-key` guards /v1 with
 *   an exact `Authorization: Bearer <key>`; 401 {"error":"Unauthorized"}.
 * - BerriAI/litellm PR #38148 (hosted_vllm videos) sends create as form fields for the same reason.
 */
import { MockApiError, type MockErrorReason } from '../envelope'
import type { MockVideo } from '../job-lifecycle'
import { SPEC_STATUSES } from './openai'
import { idPrefix, type MockProfile } from './profile'

const ids = idPrefix('video_gen_')

/** FastAPI's `{ detail }` error body. */
function detail(status: number, message: string, body: unknown = message): MockApiError {
  return new MockApiError(status, { message, body: { detail: body } })
}

/** A FastAPI validation failure for one field of the body or the query. */
function validation(
  where: 'body' | 'query',
  field: string,
  message: string,
  type = 'value_error',
): MockApiError {
  return detail(422, message, [{ type, loc: [where, field], msg: message, input: null }])
}

const MESSAGES: Partial<Record<MockErrorReason, string>> = {
  'not-found': 'Video not found',
  'route-not-found': 'Not Found',
  'method-not-allowed': 'Method Not Allowed',
}

function present(video: MockVideo): object {
  const done = video.status === 'completed'
  const id = ids.wire(video.id)
  return {
    model: video.model,
    prompt: video.prompt,
    id,
    object: 'video',
    status: video.status,
    size: video.size,
    progress: done ? 100 : 0,
    seconds: video.seconds,
    quality: 'default',
    completed_at: video.completed_at,
    created_at: video.created_at,
    remixed_from_video_id: null,
    error: video.error && {
      code: video.error.code === 'moderation_blocked' ? 400 : 500,
      message: video.error.message,
    },
    media_type: 'video/mp4',
    expires_at: null,
    file_name: done ? `${id}.mp4` : null,
    inference_time_s: null,
    stage_durations: {},
    peak_memory_mb: 0,
  }
}

/**
 * vLLM-Omni: form-only create, progress 0 until done, numeric error codes, no remix, no content variants,
 * FastAPI `{ detail }` errors.
 */
export const vllmOmniProfile: MockProfile = {
  capabilities: {
    name: 'vllm-omni',
    list: true,
    delete: true,
    remix: false,
    contentVariants: false,
    jsonCreate: false,
    stableIds: true,
    statuses: SPEC_STATUSES,
    looseFields: ['expires_at', 'inference_time_s'],
    requiredQuery: [],
    authHeaders: ['authorization'],
    errorBody: 'fastapi',
  },
  defaults: { model: 'Wan-AI/Wan2.2-T2V-A14B-Diffusers', size: '1280x720', seconds: '4' },
  unknownCursor: 'empty',
  authenticate(headers, apiKey) {
    if (headers.get('authorization') === `Bearer ${apiKey}`) return undefined
    return new MockApiError(401, { message: 'Unauthorized', body: { error: 'Unauthorized' } })
  },
  unsupported: () => detail(404, 'Not Found'),
  checkBody(mediaType) {
    if (mediaType === 'multipart/form-data' || mediaType === 'application/x-www-form-urlencoded')
      return undefined
    return validation('body', 'prompt', 'Field required', 'missing')
  },
  resolveId: ids.resolve,
  present: (video) => present(video),
  renderError(error, { endpoint }) {
    if (error.body !== undefined) return error
    if (error.reason === 'not-ready' && error.video?.status === 'failed') {
      return detail(422, 'Video generation failed. Check job status for error details.')
    }
    if (error.reason === 'not-ready') return detail(404, 'Generation is still in-progress')
    if (error.param !== null && error.status === 400) {
      return validation(endpoint === 'list' ? 'query' : 'body', error.param, error.message)
    }
    const message = MESSAGES[error.reason] ?? error.message
    return new MockApiError(error.status, { message, body: { detail: message }, headers: error.headers })
  },
}
