import { invalidParam, type MockApiError } from './envelope'
import { DEFAULT_VIDEO_PARAMS } from './job-store'
import { isPlainObject, type RequestFields } from './request-body'

/** Validated parameters of `POST /videos`, defaults applied. */
export interface CreateVideoInput {
  prompt: string
  model: string
  size: string
  seconds: string
}

const MAX_PROMPT_LENGTH = 32_000
/** The spec's `maxLength` of `ImageRefParam.image_url` (20 MiB of URL, enough for a base64 data URL). */
const MAX_IMAGE_URL_LENGTH = 20_971_520
const SIZE_PATTERN = /^\d+x\d+$/
const SECONDS_PATTERN = /^\d+$/

/**
 * Validates a create body the way a liberal compatible server does: any model name, any `WxH` size and
 * any whole number of seconds (newer models and other servers offer more than the spec's enums), but a
 * 400 naming the field for anything else.
 */
export function parseCreateParams(
  fields: RequestFields,
  defaults: Omit<CreateVideoInput, 'prompt'> = DEFAULT_VIDEO_PARAMS,
): CreateVideoInput {
  checkInputReference(fields.input_reference)
  return {
    prompt: parsePrompt(fields),
    model: optionalString(fields, 'model', /./, 'a model name such as sora-2') ?? defaults.model,
    size: optionalString(fields, 'size', SIZE_PATTERN, 'WIDTHxHEIGHT such as 720x1280') ?? defaults.size,
    seconds:
      optionalString(
        fields,
        'seconds',
        SECONDS_PATTERN,
        'a whole number of seconds as a string such as "8"',
      ) ?? defaults.seconds,
  }
}

/** Validates a remix body: `{ prompt }`. */
export function parseRemixParams(fields: RequestFields): { prompt: string } {
  return { prompt: parsePrompt(fields) }
}

function parsePrompt(fields: RequestFields): string {
  const { prompt } = fields
  if (prompt === undefined)
    throw invalidParam('prompt', 'prompt is required: describe the video to generate.')
  if (typeof prompt !== 'string' || prompt.length === 0 || !fitsMaxLength(prompt, MAX_PROMPT_LENGTH)) {
    throw invalidParam('prompt', `prompt must be a string of 1 to ${MAX_PROMPT_LENGTH} characters.`)
  }
  return prompt
}

function optionalString(
  fields: RequestFields,
  name: string,
  pattern: RegExp,
  expected: string,
): string | undefined {
  const value = fields[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw invalidParam(name, `${name} must be ${expected}; got ${JSON.stringify(preview(value))}.`)
  }
  return value
}

function checkInputReference(value: unknown): void {
  if (value === undefined || value === null || value instanceof Blob) return
  const reference = typeof value === 'string' ? parseReference(value) : value
  if (!isPlainObject(reference)) throw invalidReference()
  const given = ['image_url', 'file_id'].filter((key) => reference[key] !== undefined)
  const [key] = given
  if (given.length !== 1 || key === undefined) throw invalidReference()
  const chosen = reference[key]
  if (typeof chosen !== 'string' || chosen.length === 0) throw invalidReference()
  if (key === 'image_url' && !isImageUrl(chosen)) throw invalidReference()
}

/** The spec's `format: uri` with its `maxLength`: an absolute URL, `https:` or `data:` alike. */
function isImageUrl(value: string): boolean {
  return value.length <= MAX_IMAGE_URL_LENGTH && URL.canParse(value)
}

/**
 * JSON Schema's `maxLength` counts characters (code points): an emoji is one, not two UTF-16 units. A text
 * over twice the limit in units cannot fit, which spares counting a huge body.
 */
function fitsMaxLength(text: string, max: number): boolean {
  return text.length <= max || (text.length <= 2 * max && Array.from(text).length <= max)
}

function parseReference(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw invalidReference()
  }
}

function invalidReference(): MockApiError {
  return invalidParam(
    'input_reference',
    'input_reference must be a file, or an object with exactly one of image_url (an absolute URL, https: or data:) or file_id (a non-empty string).',
  )
}

function preview(value: unknown): unknown {
  return value instanceof Blob ? `a file of ${value.size} bytes` : value
}
