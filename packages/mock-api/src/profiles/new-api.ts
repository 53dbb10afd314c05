/*
 * new-api (QuantumNous/new-api, formerly Calcium-Ion/new-api; many forks) relaying /v1/videos as an async
 * task to a video channel — MiniMax Hailuo here, one of the channels whose answers it rebuilds.
 * Sources (QuantumNous/new-api unless noted):
 * - router/video-router.go: POST /v1/videos, GET /v1/videos/:task_id, GET /v1/videos/:task_id/content,
 *   POST /v1/videos/:video_id/remix — no GET /v1/videos and no DELETE.
 * - router/web-router.go NoRoute + controller/relay.go RelayNotFound: any other /v1 route answers 404
 *   {"error":{"message":"Invalid URL (GET /v1/videos)","type":"invalid_request_error","param":"","code":""}}
 *   (gin does not answer 405).
 * - relay/channel/task/*: create answers the upstream's body with the public `task_…` id in `id` and
 *   `task_id` (info.PublicTaskID), status "queued".
 * - model/task.go: InitTask stores status NOT_START, progress "0%"; ToVideoStatus maps NOT_START (and
 *   UNKNOWN) to "unknown" — a fork (yunshuAPI) maps NOT_START to "queued", sources disagree; ToOpenAIVideo
 *   sends `completed_at` = UpdatedAt whatever the status, `metadata.url`, and no size/seconds/prompt.
 * - dto/openai_video.go: omitempty on completed_at, expires_at, seconds, size, remixed_from_video_id and
 *   error (absent, not null); SetProgressStr turns the stored "30%" into 30.
 * - service/task_polling.go TaskPollingLoop: the gateway polls upstream tasks every 15 s (one fork: 3 s),
 *   so every answer is as of its last poll.
 * - relay/channel/task/hailuo adaptor: Preparing/Queueing → IN_PROGRESS "30%", Processing → "50%",
 *   Success → "100%", Failed → FAILURE "100%"; ConvertToOpenAIVideo sets error {message: status_msg,
 *   code: strconv.Itoa(status_code)} — a number as a string. MiniMax codes (platform.minimaxi.com
 *   video-generation docs): 1026 "video description contains sensitive content", 1000 "internal error".
 * - relay/relay_task.go videoFetchByIDRespBodyBuilder + controller/relay.go respondTaskError: an unknown
 *   task answers 400 {"code":"task_not_exist","message":"task_not_exist","data":null}.
 * - controller/video_proxy.go: content ignores `variant`; unknown task 404 {"error":{"message":"Task not
 *   found","type":"invalid_request_error"}}; unfinished 400 "Task is not completed yet, current status: …".
 * - middleware/auth.go TokenAuth: 401 {"error":{"message":"无效的令牌","type":"new_api_error"}}.
 * Deviation: the mock checks the key before routing, so an unknown route without a key answers 401 where
 * new-api's NoRoute (no auth) answers 404.
 */
import { MockApiError } from '../envelope'
import { toSeconds, type MockVideo, type MockVideoStatus } from '../job-lifecycle'
import { bearerToken } from './openai'
import { idPrefix, type JobView, type MockProfile } from './profile'

/** How often the gateway polls its upstream tasks (service/task_polling.go). */
export const NEW_API_SYNC_MS = 15_000

const ids = idPrefix('task_')

/** The gateway's task status and stored progress for each state of the upstream job. */
const TASKS: Readonly<Record<MockVideoStatus, { task: string; status: string; progress: number }>> = {
  queued: { task: 'IN_PROGRESS', status: 'in_progress', progress: 30 },
  in_progress: { task: 'IN_PROGRESS', status: 'in_progress', progress: 50 },
  completed: { task: 'SUCCESS', status: 'completed', progress: 100 },
  failed: { task: 'FAILURE', status: 'failed', progress: 100 },
}

/** The last poll at or before `nowMs` and after the job was created, or `undefined` before the first one. */
function lastSync(job: JobView, nowMs: number): number | undefined {
  const tick = Math.floor(nowMs / NEW_API_SYNC_MS) * NEW_API_SYNC_MS
  return tick > job.createdAtMs ? tick : undefined
}

function hailuoError(video: MockVideo): { message: string; code: string } {
  return video.error?.code === 'moderation_blocked'
    ? { message: 'video description contains sensitive content', code: '1026' }
    : { message: 'internal error', code: '1000' }
}

function present(video: MockVideo, job: JobView, nowMs: number): object {
  const id = ids.wire(video.id)
  const base = { id, task_id: id, object: 'video', model: video.model }
  const synced = lastSync(job, nowMs)
  if (synced === undefined) {
    return {
      ...base,
      status: 'unknown',
      progress: 0,
      created_at: video.created_at,
      completed_at: video.created_at,
      metadata: { url: '' },
    }
  }
  const { status, progress } = TASKS[video.status]
  const url = video.status === 'completed' ? `/v1/videos/${id}/content` : ''
  return {
    ...base,
    status,
    progress,
    created_at: video.created_at,
    completed_at: toSeconds(synced),
    metadata: { url },
    ...(video.status === 'failed' ? { error: hailuoError(video) } : {}),
  }
}

function taskError(status: number, code: string, message: string): MockApiError {
  return new MockApiError(status, { message, body: { code, message, data: null } })
}

function proxyError(status: number, message: string): MockApiError {
  return new MockApiError(status, { message, body: { error: { message, type: 'invalid_request_error' } } })
}

function invalidUrl(method: string, path: string): MockApiError {
  const message = `Invalid URL (${method} ${path})`
  return new MockApiError(404, {
    message,
    body: { error: { message, type: 'invalid_request_error', param: '', code: '' } },
  })
}

/**
 * new-api in front of a Hailuo channel: `task_` ids, a 15 s stale view that starts `unknown`, coarse
 * progress, fields left out, no list/delete, task-error bodies.
 */
export const newApiProfile: MockProfile = {
  capabilities: {
    name: 'new-api',
    list: false,
    delete: false,
    remix: true,
    contentVariants: false,
    jsonCreate: true,
    stableIds: true,
    statuses: ['queued', 'unknown', 'in_progress', 'completed', 'failed'],
    looseFields: ['size', 'seconds', 'prompt', 'expires_at', 'error', 'remixed_from_video_id'],
    requiredQuery: [],
    authHeaders: ['authorization'],
    errorBody: 'new-api',
  },
  authenticate(headers, apiKey) {
    const token = bearerToken(headers)
    if (token === apiKey) return undefined
    const message = token === undefined ? '未提供令牌' : '无效的令牌'
    return new MockApiError(401, { message, body: { error: { message, type: 'new_api_error' } } })
  },
  unsupported: (_endpoint, method, path) => invalidUrl(method, path),
  resolveId: ids.resolve,
  observe: (job, nowMs) => job.at(lastSync(job, nowMs) ?? job.createdAtMs),
  present(video, job, { endpoint, nowMs }) {
    if (endpoint !== 'create' && endpoint !== 'remix') return present(video, job, nowMs)
    const id = ids.wire(video.id)
    return {
      id,
      task_id: id,
      object: 'video',
      model: video.model,
      status: 'queued',
      progress: 0,
      created_at: video.created_at,
    }
  },
  renderError(error, { endpoint, method, path }) {
    if (error.body !== undefined) return error
    if (error.reason === 'route-not-found' || error.reason === 'method-not-allowed')
      return invalidUrl(method, path)
    if (endpoint === 'content') {
      if (error.reason === 'not-found') return proxyError(404, 'Task not found')
      const task = error.video ? TASKS[error.video.status].task : 'IN_PROGRESS'
      if (error.reason === 'not-ready')
        return proxyError(400, `Task is not completed yet, current status: ${task}`)
      return proxyError(error.status, error.message)
    }
    if (error.reason === 'not-found') return taskError(400, 'task_not_exist', 'task_not_exist')
    if (error.status === 429) return taskError(429, 'rate_limit', '当前分组上游负载已饱和，请稍后再试')
    return taskError(error.status, error.code ?? 'invalid_request', error.message)
  },
}
