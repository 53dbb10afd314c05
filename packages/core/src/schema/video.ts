import * as z from 'zod/mini'

/**
 * The wire format of the Videos API, as zod schemas.
 *
 * Strict where vidjob's logic depends on a field (id, object, status, progress, created_at) and liberal
 * elsewhere: compatible servers and newer models send sizes, durations, models and extra fields that the
 * published spec does not list, and rejecting them would break users for no benefit.
 *
 * Built on `zod/mini` so an app only bundles the checks used here (about a tenth of classic zod); the
 * schemas still have `parse`/`safeParse`, and the functional helpers (`z.extend`, `z.pick`) compose them.
 */

/** The four lifecycle states of a job, in the order a job moves through them. */
export const VIDEO_STATUSES = ['queued', 'in_progress', 'completed', 'failed'] as const
/** Sizes listed by the published spec; servers may return others (e.g. 1080p). */
export const KNOWN_VIDEO_SIZES = ['720x1280', '1280x720', '1024x1792', '1792x1024'] as const
/** Clip durations listed by the published spec; servers may return others (e.g. `'16'`, `'20'`). */
export const KNOWN_VIDEO_SECONDS = ['4', '8', '12'] as const
/** Models listed by the published spec; servers may return others. */
export const KNOWN_VIDEO_MODELS = [
  'sora-2',
  'sora-2-pro',
  'sora-2-2025-10-06',
  'sora-2-pro-2025-10-06',
  'sora-2-2025-12-08',
] as const
/** The downloadable assets of a completed video. */
export const VIDEO_CONTENT_VARIANTS = ['video', 'thumbnail', 'spritesheet'] as const

export type KnownVideoSize = (typeof KNOWN_VIDEO_SIZES)[number]
export type KnownVideoSeconds = (typeof KNOWN_VIDEO_SECONDS)[number]
export type KnownVideoModel = (typeof KNOWN_VIDEO_MODELS)[number]
/** A size string; known values autocomplete, others are accepted. */
export type VideoSize = KnownVideoSize | (string & {})
/** A duration string; known values autocomplete, others are accepted. */
export type VideoSeconds = KnownVideoSeconds | (string & {})
/** A model name; known values autocomplete, others are accepted. */
export type VideoModel = KnownVideoModel | (string & {})

export const VideoStatusSchema = z.enum(VIDEO_STATUSES)
export type VideoStatus = z.infer<typeof VideoStatusSchema>

export const VideoContentVariantSchema = z.enum(VIDEO_CONTENT_VARIANTS)
export type VideoContentVariant = z.infer<typeof VideoContentVariantSchema>

const unixSeconds = z.int()
const nullishSeconds = z.nullish(unixSeconds)
const nullishString = z.nullish(z.string())
const optionalString = z.optional(z.string())
const nullishOf = <T>(type: z.ZodMiniType<T>) => z.nullish(type)
/** A string with at least one character (ids). */
export const nonEmptyString = z.string().check(z.minLength(1))

/** `video.error` of a failed job. Extra fields are kept. */
export const VideoErrorSchema = z.looseObject({ code: z.string(), message: z.string() })

/** One video job as the server describes it. Unknown extra fields are kept. */
export const VideoSchema = z.looseObject({
  id: nonEmptyString,
  object: z.literal('video'),
  status: VideoStatusSchema,
  progress: z.number().check(z.minimum(0), z.maximum(100)),
  created_at: unixSeconds,
  // Compatible servers send these as null (LiteLLM) or leave them out (new-api).
  model: nullishOf(z.string() as z.ZodMiniType<VideoModel>),
  size: nullishOf(z.string() as z.ZodMiniType<VideoSize>),
  seconds: nullishOf(z.string() as z.ZodMiniType<VideoSeconds>),
  completed_at: nullishSeconds,
  expires_at: nullishSeconds,
  prompt: nullishString,
  remixed_from_video_id: nullishString,
  error: z.nullish(VideoErrorSchema),
  /** The status the server sent, when vidjob mapped it to one of the four (`processing`, `SUCCESS`...). */
  original_status: optionalString,
})
/** A validated video job. */
export type Video = z.infer<typeof VideoSchema>

/** One page of `GET /videos`. */
export const VideoListSchema = z.looseObject({
  object: z.literal('list'),
  data: z.array(VideoSchema),
  first_id: nullishString,
  last_id: nullishString,
  has_more: z.boolean(),
})
export type VideoList = z.infer<typeof VideoListSchema>

/** The answer to `DELETE /videos/{id}`. */
export const DeletedVideoSchema = z.looseObject({
  object: z.literal('video.deleted'),
  deleted: z.boolean(),
  id: nonEmptyString,
})
export type DeletedVideo = z.infer<typeof DeletedVideoSchema>

/** The error envelope of a non-2xx answer: `{ error: { message, type, param, code } }`. */
export const ApiErrorBodySchema = z.looseObject({
  error: z.looseObject({
    message: z.string(),
    type: nullishString,
    param: nullishString,
    code: z.nullish(z.union([z.string(), z.pipe(z.number(), z.transform(String))])),
  }),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>

/** Whether a status is final (the job will never change again). */
export function isTerminalStatus(status: VideoStatus | undefined): boolean {
  return status === 'completed' || status === 'failed'
}

const STATUS_RANK: Readonly<Record<VideoStatus, number>> = {
  queued: 0,
  in_progress: 1,
  completed: 2,
  failed: 2,
}

/** The position of a status in the lifecycle; a job only moves to an equal or higher rank. */
export function statusRank(status: VideoStatus): number {
  return STATUS_RANK[status]
}
