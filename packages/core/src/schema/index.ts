/**
 * `@vidjob/core/schema`: the zod schemas of the Videos API wire format and of vidjob's inputs, for apps
 * that validate on their own (a form before submit, a webhook body, a server route). The client applies
 * the same schemas to every body and every input itself.
 *
 * @packageDocumentation
 * @module @vidjob/core/schema
 */
export {
  ApiErrorBodySchema,
  DeletedVideoSchema,
  KNOWN_VIDEO_MODELS,
  KNOWN_VIDEO_SECONDS,
  KNOWN_VIDEO_SIZES,
  VIDEO_CONTENT_VARIANTS,
  VIDEO_STATUSES,
  VideoContentVariantSchema,
  VideoErrorSchema,
  VideoListSchema,
  VideoSchema,
  VideoStatusSchema,
  isTerminalStatus,
  type ApiErrorBody,
  type DeletedVideo,
  type KnownVideoModel,
  type KnownVideoSeconds,
  type KnownVideoSize,
  type Video,
  type VideoContentVariant,
  type VideoList,
  type VideoModel,
  type VideoSeconds,
  type VideoSize,
  type VideoStatus,
} from './video'
export { normalizeVideo, PROVIDER_STATUSES, type NormalizeContext } from './normalize'
export {
  CreateVideoParamsSchema,
  ImageReferenceSchema,
  PROMPT_MAX_CHARACTERS,
  RemixVideoParamsSchema,
  VideoListQuerySchema,
  validateCreateVideoParams,
  validateRemixVideoParams,
  type CreateVideoParams,
  type RemixVideoParams,
  type VideoListQuery,
} from './params'
