import {
  VideoApiError,
  VideoNetworkError,
  VideoUnsupportedError,
  VideoValidationError,
  type VideoJobState,
} from '@vidjob/core'
import { PROMPT_MAX_CHARACTERS } from '@vidjob/core/schema'

/**
 * The words a person reads when something needs their attention. The schemas' own messages ("prompt must
 * not be empty") are written for developers; every form and row of the dashboard says it with these.
 */

/** The API's prompt limit, in characters (code points, as the schema counts them). */
export const PROMPT_LIMIT = PROMPT_MAX_CHARACTERS

/** From this many characters on, the form shows a live count next to the prompt. */
export const PROMPT_COUNT_FROM = 28_000

const count = new Intl.NumberFormat('en')

const EMPTY_PROMPT = 'Describe what you want to see first.'

/** Characters as the API counts them: an emoji is one, not the two UTF-16 units of `length`. */
export function promptLength(text: string): number {
  return [...text].length
}

/**
 * What is wrong with a prompt, in plain words, or undefined when it can be sent.
 *
 * @example promptProblem('   ') // 'Describe what you want to see first.'
 */
export function promptProblem(prompt: string): string | undefined {
  const text = prompt.trim()
  if (text === '') return EMPTY_PROMPT
  const length = promptLength(text)
  if (length > PROMPT_LIMIT)
    return `Shorten the prompt to ${count.format(PROMPT_LIMIT)} characters or fewer (it has ${count.format(length)}).`
  return undefined
}

/**
 * The live count shown near the limit ("28,500 / 32,000 characters"), or undefined well below it.
 *
 * @example promptCount('a'.repeat(30_000)) // '30,000 / 32,000 characters'
 */
export function promptCount(prompt: string): string | undefined {
  const length = promptLength(prompt)
  if (length < PROMPT_COUNT_FROM) return undefined
  return `${count.format(length)} / ${count.format(PROMPT_LIMIT)} characters`
}

const FIELD_MESSAGES: Readonly<Record<string, string>> = {
  model: 'Choose a model from the list.',
  size: 'Choose a size from the list.',
  seconds: 'Choose a length from the list.',
  input_reference: 'Choose a JPEG, PNG or WebP image, or none.',
}

/** What to do about one field a check refused; `params` are the values that were checked. */
function plainField(field: string, params: unknown): string {
  if (field === 'prompt') {
    const given = params && typeof params === 'object' ? (params as { prompt?: unknown }).prompt : undefined
    return (typeof given === 'string' && promptProblem(given)) || EMPTY_PROMPT
  }
  return FIELD_MESSAGES[field] ?? 'Check the form and try again.'
}

/**
 * One plain message per field a failed check names (core's `VideoValidationError#issuesByField()` says
 * which; these words say what to do), with a problem about no field under `form`. Nothing for other errors.
 *
 * @example plainFieldErrors(validateCreateVideoParams({ prompt: '' })) // { prompt: 'Describe what you want to see first.' }
 */
export function plainFieldErrors(error: unknown): Partial<Record<string, string>> {
  if (!(error instanceof VideoValidationError)) return {}
  const fields = Object.keys(error.issuesByField())
  return Object.fromEntries(fields.map((field) => [field || 'form', plainField(field, error.body)]))
}

/** What a person is told when the server lacks what they asked for. */
const UNSUPPORTED: Record<VideoUnsupportedError['capability'], string> = {
  list: 'This server cannot list videos.',
  delete: 'This server cannot delete videos: the video is still there.',
  contentVariants: 'This server has no thumbnails.',
}

/**
 * Why a request failed, in words a person can act on; the server's own message where it has one.
 *
 * @example describeError(new VideoNetworkError('fetch failed')) // 'Could not reach the server. Check your connection, then try again.'
 */
export function describeError(error: unknown): string {
  const [plain] = Object.values(plainFieldErrors(error))
  if (plain !== undefined) return plain
  if (error instanceof VideoNetworkError)
    return 'Could not reach the server. Check your connection, then try again.'
  if (error instanceof VideoUnsupportedError) return UNSUPPORTED[error.capability]
  if (error instanceof VideoApiError) {
    if (error.status === 429) return 'Too many requests right now. Wait a moment, then try again.'
    if (error.status === 401 || error.status === 403)
      return 'The server refused its API key. Check OPENAI_API_KEY where the server runs.'
  }
  return error instanceof Error ? error.message : String(error)
}

/** What a person can do about a failed job. */
export interface FailureAdvice {
  /** One sentence: what happened and what to do. */
  text: string
  /** `retry` when the same request may well work; `rephrase` when the prompt itself was refused. */
  action: 'retry' | 'rephrase'
}

const REFUSED = /moderation|policy|safety|content_filter|blocked|refused|rejected|unsafe/i
const TOO_LONG = /timeout|timed_out|deadline|time_limit|too_long/i

/**
 * Advice for a failed job from its failure code, in place of the server's wording.
 *
 * @example failureAdvice({ code: 'moderation_blocked', message: '...' }).text // 'The prompt was refused. Try a different prompt.'
 */
export function failureAdvice(failure: NonNullable<VideoJobState['failure']>): FailureAdvice {
  const code = String(failure.code)
  if (REFUSED.test(code))
    return { text: 'The prompt was refused. Try a different prompt.', action: 'rephrase' }
  if (TOO_LONG.test(code))
    return {
      text: 'Rendering took too long. Try again, or ask for fewer seconds or a smaller size.',
      action: 'retry',
    }
  return { text: 'Rendering failed. Try again.', action: 'retry' }
}
