import * as z from 'zod/mini'
import type { VideoValidationError } from '../errors'
import { parseInput } from './parse'
import { nonEmptyString as nonEmpty, type VideoModel, type VideoSeconds, type VideoSize } from './video'

/**
 * What vidjob sends: the parameters of create and remix, and the list query. Checked before anything is
 * sent, so a request the spec does not allow never leaves.
 */

/** The longest prompt the API takes, in characters (code points: an emoji is one). */
export const PROMPT_MAX_CHARACTERS = 32000

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
export type CreateVideoParams = z.infer<typeof CreateVideoParamsSchema>

/** Parameters of `client.remix()`. */
export const RemixVideoParamsSchema = z.strictObject({ prompt })
export type RemixVideoParams = z.infer<typeof RemixVideoParamsSchema>

/** The query of `GET /videos`, exactly as the spec allows it: `limit` an integer 0–100, `order` asc/desc. */
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

export type VideoListQuery = z.infer<typeof VideoListQuerySchema>

/**
 * Checks create params exactly as `client.create` does, without sending anything: the
 * `VideoValidationError` it would reject with (use `issuesByField()` for a form), or undefined.
 */
export function validateCreateVideoParams(params: unknown): VideoValidationError | undefined {
  return validationError(CreateVideoParamsSchema, params, 'create() params')
}

/** Checks remix params exactly as `client.remix` does, without sending anything (see {@link validateCreateVideoParams}). */
export function validateRemixVideoParams(params: unknown): VideoValidationError | undefined {
  return validationError(RemixVideoParamsSchema, params, 'remix() params')
}

function validationError(
  schema: z.ZodMiniType,
  input: unknown,
  what: string,
): VideoValidationError | undefined {
  try {
    parseInput(schema, input, what)
    return undefined
  } catch (error) {
    return error as VideoValidationError
  }
}
