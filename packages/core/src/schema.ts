import { z } from 'zod'

/**
 * The wire format of the Videos API, as zod schemas.
 *
 * Strict where vidjob's logic depends on a field (id, object, status, progress, created_at) and liberal
 * elsewhere: compatible servers and newer models send sizes, durations, models and extra fields that the
 * published spec does not list, and rejecting them would break users for no benefit.
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

/** @example const s: KnownVideoSize = '1280x720' */
export type KnownVideoSize = (typeof KNOWN_VIDEO_SIZES)[number]
/** @example const s: KnownVideoSeconds = '8' */
export type KnownVideoSeconds = (typeof KNOWN_VIDEO_SECONDS)[number]
/** @example const m: KnownVideoModel = 'sora-2' */
export type KnownVideoModel = (typeof KNOWN_VIDEO_MODELS)[number]
/** A size string; known values autocomplete, others are accepted. @example const s: VideoSize = '1920x1080' */
export type VideoSize = KnownVideoSize | (string & {})
/** A duration string; known values autocomplete, others are accepted. @example const s: VideoSeconds = '16' */
export type VideoSeconds = KnownVideoSeconds | (string & {})
/** A model name; known values autocomplete, others are accepted. @example const m: VideoModel = 'sora-2-pro' */
export type VideoModel = KnownVideoModel | (string & {})

/** @example VideoStatusSchema.parse('queued') */
export const VideoStatusSchema = z.enum(VIDEO_STATUSES)
/** @example const s: VideoStatus = 'in_progress' */
export type VideoStatus = z.infer<typeof VideoStatusSchema>

/** @example VideoContentVariantSchema.parse('thumbnail') */
export const VideoContentVariantSchema = z.enum(VIDEO_CONTENT_VARIANTS)
/** @example const v: VideoContentVariant = 'thumbnail' */
export type VideoContentVariant = z.infer<typeof VideoContentVariantSchema>

const unixSeconds = z.number().int()

/** `video.error` of a failed job. Extra fields are kept. */
export const VideoErrorSchema = z.looseObject({ code: z.string(), message: z.string() })

/**
 * One video job as the server describes it. Unknown extra fields are kept.
 *
 * @example
 * const result = VideoSchema.safeParse(await response.json())
 * if (result.success) console.log(result.data.status, result.data.progress)
 */
export const VideoSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal('video'),
  status: VideoStatusSchema,
  progress: z.number().min(0).max(100),
  created_at: unixSeconds,
  model: z.string().optional() as z.ZodOptional<z.ZodType<VideoModel>>,
  size: z.string().optional() as z.ZodOptional<z.ZodType<VideoSize>>,
  seconds: z.string().optional() as z.ZodOptional<z.ZodType<VideoSeconds>>,
  completed_at: unixSeconds.nullish(),
  expires_at: unixSeconds.nullish(),
  prompt: z.string().nullish(),
  remixed_from_video_id: z.string().nullish(),
  error: VideoErrorSchema.nullish(),
})
/** A validated video job. @example const done = (v: Video) => v.status === 'completed' */
export type Video = z.infer<typeof VideoSchema>

/**
 * One page of `GET /videos`.
 *
 * @example const page = VideoListSchema.parse(body); page.data.map((v) => v.id)
 */
export const VideoListSchema = z.looseObject({
  object: z.literal('list'),
  data: z.array(VideoSchema),
  first_id: z.string().nullish(),
  last_id: z.string().nullish(),
  has_more: z.boolean(),
})
/** @example const ids = (page: VideoList) => page.data.map((v) => v.id) */
export type VideoList = z.infer<typeof VideoListSchema>

/** The answer to `DELETE /videos/{id}`. @example DeletedVideoSchema.parse(body).deleted */
export const DeletedVideoSchema = z.looseObject({
  object: z.literal('video.deleted'),
  deleted: z.boolean(),
  id: z.string().min(1),
})
/** @example const gone = (d: DeletedVideo) => d.deleted */
export type DeletedVideo = z.infer<typeof DeletedVideoSchema>

const prompt = z
  .string({ error: 'prompt must be a string' })
  .min(1, { error: 'prompt must not be empty' })
  .max(32000, { error: 'prompt must be at most 32000 characters' })

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob

/** A reference image by URL (or data URL) or by uploaded file id. */
export const ImageReferenceSchema = z.strictObject({
  image_url: z.string().min(1).optional(),
  file_id: z.string().min(1).optional(),
})

/**
 * Parameters of `client.create()`. `input_reference` may be a File/Blob (sent as multipart) or a reference
 * object (sent as JSON).
 *
 * @example CreateVideoParamsSchema.parse({ prompt: 'A calico cat playing a piano', seconds: '8' })
 */
export const CreateVideoParamsSchema = z.strictObject({
  prompt,
  model: z.string().min(1).optional() as z.ZodOptional<z.ZodType<VideoModel>>,
  size: z.string().min(1).optional() as z.ZodOptional<z.ZodType<VideoSize>>,
  seconds: z.string().min(1).optional() as z.ZodOptional<z.ZodType<VideoSeconds>>,
  input_reference: z
    .union([
      z.custom<Blob>(isBlob, { error: 'input_reference must be a File or Blob' }),
      ImageReferenceSchema,
    ])
    .optional(),
})
/** @example const params: CreateVideoParams = { prompt: 'Waves at dusk', size: '1280x720' } */
export type CreateVideoParams = z.infer<typeof CreateVideoParamsSchema>

/** Parameters of `client.remix()`. @example RemixVideoParamsSchema.parse({ prompt: 'Now at night' }) */
export const RemixVideoParamsSchema = z.strictObject({ prompt })
/** @example const params: RemixVideoParams = { prompt: 'Make it rain' } */
export type RemixVideoParams = z.infer<typeof RemixVideoParamsSchema>

/**
 * The query of `GET /videos`, exactly as the spec allows it: `limit` an integer 0–100, `order` asc/desc.
 *
 * @example VideoListQuerySchema.parse({ limit: 20, order: 'desc' })
 */
export const VideoListQuerySchema = z.strictObject({
  after: z.string().min(1).optional(),
  limit: z
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be an integer' })
    .min(0, { error: 'limit must be at least 0' })
    .max(100, { error: 'limit must be at most 100' })
    .optional(),
  order: z.enum(['asc', 'desc'], { error: "order must be 'asc' or 'desc'" }).optional(),
})
/** @example const q: VideoListQuery = { limit: 10, order: 'asc' } */
export type VideoListQuery = z.infer<typeof VideoListQuerySchema>

/**
 * The error envelope of a non-2xx answer: `{ error: { message, type, param, code } }`.
 *
 * @example const body = ApiErrorBodySchema.safeParse(json); if (body.success) body.data.error.message
 */
export const ApiErrorBodySchema = z.looseObject({
  error: z.looseObject({
    message: z.string(),
    type: z.string().nullish(),
    param: z.string().nullish(),
    code: z.union([z.string(), z.number().transform(String)]).nullish(),
  }),
})
/** @example const msg = (b: ApiErrorBody) => b.error.message */
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>

const TERMINAL: ReadonlySet<VideoStatus> = new Set(['completed', 'failed'])

/** Whether a status is final (the job will never change again). @example isTerminalStatus('failed') // true */
export function isTerminalStatus(status: VideoStatus | undefined): boolean {
  return status !== undefined && TERMINAL.has(status)
}

const STATUS_RANK: Readonly<Record<VideoStatus, number>> = {
  queued: 0,
  in_progress: 1,
  completed: 2,
  failed: 2,
}

/**
 * The position of a status in the lifecycle; a job only moves to an equal or higher rank.
 *
 * @example statusRank('in_progress') > statusRank('queued') // true
 */
export function statusRank(status: VideoStatus): number {
  return STATUS_RANK[status]
}
