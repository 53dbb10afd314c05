import type { MockApiError } from '../envelope'
import type { MockVideo } from '../job-lifecycle'
import type { MockEndpoint } from '../routes'

/** The compatible servers the mock can imitate. */
export type MockProfileName = 'openai' | 'litellm' | 'new-api' | 'vllm-omni' | 'azure'

/**
 * What a profile's server supports and how it talks, so a test can configure a client to match
 * (`createVideoClient({ capabilities: api.profile })`) or assert what it should cope with.
 */
export interface MockProfileCapabilities {
  readonly name: MockProfileName
  /** `GET /videos` answers a list page. */
  readonly list: boolean
  /** `DELETE /videos/{id}` deletes. */
  readonly delete: boolean
  /** `POST /videos/{id}/remix` creates a remix. */
  readonly remix: boolean
  /** `?variant=thumbnail|spritesheet` is honoured; otherwise the video comes back whatever is asked. */
  readonly contentVariants: boolean
  /** `POST /videos` reads a JSON body; otherwise only `multipart/form-data` (or urlencoded) forms. */
  readonly jsonCreate: boolean
  /** Retrieve and list answer with the id that create answered. */
  readonly stableIds: boolean
  /** Every `status` value the server sends. */
  readonly statuses: readonly string[]
  /** Video fields the server may send as `null` or leave out. */
  readonly looseFields: readonly string[]
  /** Query parameters every request must carry (Azure's `api-version`). */
  readonly requiredQuery: readonly string[]
  /** The headers that carry the API key, in the order the server reads them. */
  readonly authHeaders: readonly string[]
  /** How error bodies look: the spec's envelope, LiteLLM's, new-api's mix, FastAPI's `{ detail }`, Azure's. */
  readonly errorBody: 'openai' | 'litellm' | 'new-api' | 'fastapi' | 'azure'
}

/** A job as the handlers hand it to a profile: its own id, when it was created, its state at any time. */
export interface JobView {
  /** The mock's own id, as in `api.jobs`. */
  readonly id: string
  readonly createdAtMs: number
  at(ms: number): MockVideo
}

/** Which answer a video is presented in, and when. */
export interface PresentContext {
  readonly endpoint: MockEndpoint
  readonly nowMs: number
}

/** Where an error answer goes. */
export interface ErrorContext {
  readonly endpoint: MockEndpoint | 'unknown'
  readonly method: string
  readonly path: string
}

/** Defaults a server applies to a create that leaves them out. */
export interface CreateDefaults {
  model: string
  size: string
  seconds: string
}

/**
 * A compatible server's behaviour on the wire: its capabilities as data, and small hooks the request
 * pipeline calls at fixed points (admission, authentication, unsupported routes, create bodies, ids,
 * the video's shape, error bodies, extra headers). A hook a profile leaves out behaves as OpenAI's API.
 */
export interface MockProfile {
  readonly capabilities: MockProfileCapabilities
  /** Replaces the spec's create defaults (a server's own model...). */
  readonly defaults?: Partial<CreateDefaults>
  /** An unknown `after` cursor gives an empty page instead of a 400. */
  readonly unknownCursor?: 'empty'
  /** Refuses a request before anything else runs (a missing `api-version`). */
  admit?(url: URL): MockApiError | undefined
  /** Checks the credentials when the mock was given an `apiKey`. */
  authenticate(headers: Headers, apiKey: string): MockApiError | undefined
  /** The answer for an endpoint `capabilities` says the server lacks. */
  unsupported?(endpoint: MockEndpoint, method: string, path: string): MockApiError
  /** Refuses a create or remix body by its `content-type` before reading it. */
  checkBody?(mediaType: string, endpoint: MockEndpoint): MockApiError | undefined
  /** Refuses a create for a model the server does not serve. */
  checkModel?(model: string): MockApiError | undefined
  /** The mock's own id for an id the client sent (which may be an encoding of it). */
  resolveId?(wireId: string): string
  /** The state the server believes the job is in (a gateway answers from its last sync). */
  observe?(job: JobView, nowMs: number): MockVideo
  /** The video as the server sends it. */
  present?(video: MockVideo, job: JobView, context: PresentContext): object
  /** The error answer in the server's words and shape. */
  renderError?(error: MockApiError, context: ErrorContext): MockApiError
  /** Headers the server adds to every answer. */
  answerHeaders?(seq: number): Record<string, string>
  /** Headers the server adds to content answers. */
  contentHeaders?(wireId: string): Record<string, string>
}

/** Whether a profile's server has `endpoint`. */
export function supports(capabilities: MockProfileCapabilities, endpoint: MockEndpoint): boolean {
  if (endpoint === 'list' || endpoint === 'delete' || endpoint === 'remix') return capabilities[endpoint]
  return true
}

/** Ids a server writes with its own prefix in place of the mock's `video_`. */
export interface IdPrefix {
  /** The id the server sends for the mock's `id`. */
  wire(id: string): string
  /** The mock's id for one the server sent (any other id is returned as is). */
  resolve(wireId: string): string
}

/**
 * Swaps the mock's `video_` prefix for a server's own (`task_`, `video_gen_`) and back, so a job keeps one
 * identity whichever form a client sends.
 */
export function idPrefix(prefix: string): IdPrefix {
  const own = 'video_'
  return {
    wire: (id) => (id.startsWith(own) ? prefix + id.slice(own.length) : id),
    resolve: (wireId) => (wireId.startsWith(prefix) ? own + wireId.slice(prefix.length) : wireId),
  }
}
