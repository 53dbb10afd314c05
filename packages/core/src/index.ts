export { createVideoClient } from './client'
export {
  createBrowserEnvironment,
  createManualEnvironment,
  type ManualEnvironment,
  type VideoClientEnvironment,
} from './environment'
export {
  VideoApiError,
  VideoClientError,
  VideoJobFailedError,
  VideoNetworkError,
  VideoValidationError,
  isAbortError,
  toVideoClientError,
  type ValidationIssue,
  type VideoApiErrorInit,
} from './errors'
export { IDLE_JOB_STATE } from './job-state'
export {
  createMutation,
  type VideoMutation,
  type VideoMutationState,
  type VideoMutationStatus,
} from './mutation'
export { createScheduler, type Scheduler } from './scheduler'
export { videoContent$, type VideoContentState } from './video-content'
export {
  ApiErrorBodySchema,
  CreateVideoParamsSchema,
  DeletedVideoSchema,
  ImageReferenceSchema,
  KNOWN_VIDEO_MODELS,
  KNOWN_VIDEO_SECONDS,
  KNOWN_VIDEO_SIZES,
  RemixVideoParamsSchema,
  VIDEO_CONTENT_VARIANTS,
  VIDEO_STATUSES,
  VideoContentVariantSchema,
  VideoErrorSchema,
  VideoListQuerySchema,
  VideoListSchema,
  VideoSchema,
  VideoStatusSchema,
  isTerminalStatus,
  statusRank,
  type ApiErrorBody,
  type CreateVideoParams,
  type DeletedVideo,
  type KnownVideoModel,
  type KnownVideoSeconds,
  type KnownVideoSize,
  type RemixVideoParams,
  type Video,
  type VideoContentVariant,
  type VideoList,
  type VideoListQuery,
  type VideoModel,
  type VideoSeconds,
  type VideoSize,
  type VideoStatus,
} from './schema'
export { createFetchTransport, type FetchTransportOptions } from './transport/fetch-transport'
export {
  fromOpenAI,
  type OpenAILike,
  type OpenAIListQueryLike,
  type OpenAIPromiseLike,
  type OpenAIRequestOptionsLike,
  type OpenAIVideosLike,
} from './transport/from-openai'
export type { ListRequestQuery, RequestOptions, TransportResult, VideoTransport } from './transport/types'
export type {
  PollInterval,
  PollingOptions,
  RetryOptions,
  VideoClient,
  VideoClientEvent,
  VideoClientOptions,
  VideoJobState,
  VideoListHandle,
  VideoListOptions,
  VideoListState,
} from './types'
