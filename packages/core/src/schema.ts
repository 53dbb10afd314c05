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

const unixSeconds = z.int()
const nullishSeconds = z.nullish(unixSeconds)
const nullishString = z.nullish(z.string())
const optionalString = z.optional(z.string())
const nonEmpty = z.string().check(z.minLength(1))

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
  id: nonEmpty,
  object: z.literal('video'),
  status: VideoStatusSchema,
  progress: z.number().check(z.minimum(0), z.maximum(100)),
  created_at: unixSeconds,
  model: optionalString as z.ZodMiniOptional<z.ZodMiniType<VideoModel>>,
  size: optionalString as z.ZodMiniOptional<z.ZodMiniType<VideoSize>>,
  seconds: optionalString as z.ZodMiniOptional<z.ZodMiniType<VideoSeconds>>,
  completed_at: nullishSeconds,
  expires_at: nullishSeconds,
  prompt: nullishString,
  remixed_from_video_id: nullishString,
  error: z.nullish(VideoErrorSchema),
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
  first_id: nullishString,
  last_id: nullishString,
  has_more: z.boolean(),
})
/** @example const ids = (page: VideoList) => page.data.map((v) => v.id) */
export type VideoList = z.infer<typeof VideoListSchema>

/** The answer to `DELETE /videos/{id}`. @example DeletedVideoSchema.parse(body).deleted */
export const DeletedVideoSchema = z.looseObject({
  object: z.literal('video.deleted'),
  deleted: z.boolean(),
  id: nonEmpty,
})
/** @example const gone = (d: DeletedVideo) => d.deleted */
export type DeletedVideo = z.infer<typeof DeletedVideoSchema>

const PROMPT_MAX_CHARACTERS = 32000

/**
 * The spec's `maxLength` counts characters (JSON Schema counts code points), so an emoji is one, not the
 * two UTF-16 units `string.length` counts. The first test spares counting a huge text.
 */
const fitsPromptLimit = (text: string): boolean =>
  text.length <= 2 * PROMPT_MAX_CHARACTERS && [...text].length <= PROMPT_MAX_CHARACTERS

const prompt = z
  .string({ error: 'prompt must be a string' })
  .check(
    z.minLength(1, { error: 'prompt must not be empty' }),
    z.refine(fitsPromptLimit, { error: `prompt must be at most ${PROMPT_MAX_CHARACTERS} characters` }),
  )
const optionalNonEmpty = z.optional(nonEmpty)

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob

/** A reference image by URL (or data URL) or by uploaded file id. */
export const ImageReferenceSchema = z
  .strictObject({ image_url: optionalNonEmpty, file_id: optionalNonEmpty })
  .check(
    z.refine((reference) => (reference.image_url === undefined) !== (reference.file_id === undefined), {
      error: 'input_reference needs exactly one of image_url or file_id',
    }),
  )

/**
 * Parameters of `client.create()`. `input_reference` may be a File/Blob (sent as multipart) or a reference
 * object (sent as JSON).
 *
 * @example CreateVideoParamsSchema.parse({ prompt: 'A calico cat playing a piano', seconds: '8' })
 */
export const CreateVideoParamsSchema = z.strictObject({
  prompt,
  model: optionalNonEmpty as z.ZodMiniOptional<z.ZodMiniType<VideoModel>>,
  size: optionalNonEmpty as z.ZodMiniOptional<z.ZodMiniType<VideoSize>>,
  seconds: optionalNonEmpty as z.ZodMiniOptional<z.ZodMiniType<VideoSeconds>>,
  input_reference: z.optional(
    z.union([
      z.custom<Blob>(isBlob, { error: 'input_reference must be a File or Blob' }),
      ImageReferenceSchema,
    ]),
  ),
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
  after: optionalNonEmpty,
  limit: z.optional(
    z
      .int({ error: 'limit must be an integer' })
      .check(
        z.minimum(0, { error: 'limit must be at least 0' }),
        z.maximum(100, { error: 'limit must be at most 100' }),
      ),
  ),
  order: z.optional(z.enum(['asc', 'desc'], { error: "order must be 'asc' or 'desc'" })),
})
/** What `client.list()` accepts: the spec's query without the cursor, which the list handle manages. */
export const VideoListOptionsSchema = z.omit(VideoListQuerySchema, { after: true })

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
    type: nullishString,
    param: nullishString,
    code: z.nullish(z.union([z.string(), z.pipe(z.number(), z.transform(String))])),
  }),
})
/** @example const msg = (b: ApiErrorBody) => b.error.message */
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>

/** Whether a status is final (the job will never change again). @example isTerminalStatus('failed') // true */
export function isTerminalStatus(status: VideoStatus | undefined): boolean {
  return status === 'completed' || status === 'failed'
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
