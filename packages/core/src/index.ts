/**
 * `@vidjob/core`: the client, its types, the errors and the fetch transport a browser app uses. The zod
 * schemas are in `@vidjob/core/schema`, the openai SDK adapter in `@vidjob/core/openai`, and the protocol
 * the framework bindings use in `@vidjob/core/bindings`.
 *
 * @packageDocumentation
 * @module @vidjob/core
 */
export { createVideoClient } from './client'
export {
  VideoApiError,
  VideoClientError,
  VideoConfigError,
  VideoUnsupportedError,
  VideoJobFailedError,
  VideoNetworkError,
  VideoValidationError,
  type ValidationIssue,
  type VideoApiErrorInit,
  type VideoCapability,
} from './errors'
export type { CreateVideoParams, RemixVideoParams, VideoListQuery } from './schema/params'
export type {
  KnownVideoModel,
  KnownVideoSeconds,
  KnownVideoSize,
  Video,
  VideoContentVariant,
  VideoList,
  VideoModel,
  VideoSeconds,
  VideoSize,
  VideoStatus,
} from './schema/video'
export type { VideoServerCapabilities } from './types'
export {
  createBrowserEnvironment,
  createManualEnvironment,
  type ManualEnvironment,
  type VideoClientEnvironment,
} from './sync/environment'
export {
  createEventSourceUpdates,
  type EventSourceConstructor,
  type EventSourceLike,
  type EventSourceUpdatesOptions,
} from './sync/event-source-updates'
export type { BroadcastChannelLike, LockManagerLike, TabSharingApis } from './sync/tab-sharing'
export type { VideoUpdate, VideoUpdates } from './sync/updates'
export {
  createFetchTransport,
  type CreateEncoding,
  type FetchTransportOptions,
  type PerRequest,
} from './transport/fetch-transport'
export type {
  ListRequestQuery,
  NormalizeBody,
  RequestOptions,
  TransportOperation,
  TransportResult,
  VideoTransport,
} from './transport/types'
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
