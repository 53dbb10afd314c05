import { VideoApiError, VideoNetworkError, VideoUnsupportedError, VideoValidationError } from '@vidjob/core'
import {
  CreateVideoParamsSchema,
  RemixVideoParamsSchema,
  validateCreateVideoParams,
  validateRemixVideoParams,
} from '@vidjob/core/schema'
import { describe, expect, it } from 'vitest'
import {
  describeError,
  failureAdvice,
  plainFieldErrors,
  PROMPT_LIMIT,
  promptCount,
  promptProblem,
} from './messages'

describe('prompt messages', () => {
  it('has the limit the schemas enforce, counted in characters (an emoji is one)', () => {
    for (const schema of [CreateVideoParamsSchema, RemixVideoParamsSchema]) {
      expect(schema.safeParse({ prompt: '🎬'.repeat(PROMPT_LIMIT) }).success).toBe(true)
      expect(schema.safeParse({ prompt: 'a'.repeat(PROMPT_LIMIT + 1) }).success).toBe(false)
    }
    expect(promptProblem('🎬'.repeat(PROMPT_LIMIT))).toBeUndefined()
  })

  it('says plainly what to do about an empty or a too long prompt', () => {
    expect(promptProblem('  \n ')).toBe('Describe what you want to see first.')
    expect(promptProblem('a'.repeat(32_500))).toBe(
      'Shorten the prompt to 32,000 characters or fewer (it has 32,500).',
    )
    expect(promptProblem('A fox in snow')).toBeUndefined()
  })

  it('counts characters live only near the limit', () => {
    expect(promptCount('a'.repeat(27_999))).toBeUndefined()
    expect(promptCount('a'.repeat(28_000))).toBe('28,000 / 32,000 characters')
    expect(promptCount('a'.repeat(32_001))).toBe('32,001 / 32,000 characters')
  })
})

describe('describeError', () => {
  it('turns the client refusing a remix into the same plain message as the create form', () => {
    const refused = RemixVideoParamsSchema.safeParse({ prompt: '' })
    const error = new VideoValidationError(
      'Invalid remix() params: prompt: prompt must not be empty. Nothing was sent.',
      refused.error?.issues ?? [],
      {},
    )
    expect(describeError(error)).toBe('Describe what you want to see first.')
  })

  it('speaks of the connection, rate limits and keys, and keeps the server message otherwise', () => {
    expect(describeError(new VideoNetworkError('fetch failed'))).toMatch(/^Could not reach the server/)
    expect(describeError(new VideoApiError({ status: 429, message: 'Rate limit' }))).toMatch(
      /^Too many requests/,
    )
    expect(describeError(new VideoApiError({ status: 401, message: 'Bad key' }))).toMatch(/API key/)
    const unreachable = 'The server cannot reach the Videos API at http://127.0.0.1:9: ECONNREFUSED.'
    expect(describeError(new VideoApiError({ status: 502, message: unreachable }))).toBe(unreachable)
  })

  it('says what the server cannot do in place of the developer message', () => {
    const refused = new VideoUnsupportedError('delete', 'This server cannot delete videos (…). Declare …')
    expect(describeError(refused)).toBe('This server cannot delete videos: the video is still there.')
    expect(describeError(new VideoUnsupportedError('contentVariants', 'x'))).toBe(
      'This server has no thumbnails.',
    )
  })
})

describe('failureAdvice', () => {
  it('tells a refused prompt from a failure worth retrying, without the server wording', () => {
    expect(failureAdvice({ code: 'moderation_blocked', message: 'x' })).toEqual({
      text: 'The prompt was refused. Try a different prompt.',
      action: 'rephrase',
    })
    expect(failureAdvice({ code: 'render_timeout', message: 'x' }).text).toMatch(/^Rendering took too long/)
    expect(
      failureAdvice({
        code: 'video_generation_failed',
        message:
          'Video generation failed at 40% (simulated by the mock API). Create the video again, or lower failRate.',
      }),
    ).toEqual({ text: 'Rendering failed. Try again.', action: 'retry' })
  })
})

describe('plainFieldErrors', () => {
  it('keeps one message per field, in plain words rather than the schema wording', () => {
    const error = validateCreateVideoParams({ prompt: '', seconds: '', input_reference: 42 })
    expect(plainFieldErrors(error)).toEqual({
      prompt: 'Describe what you want to see first.',
      seconds: 'Choose a length from the list.',
      input_reference: 'Choose a JPEG, PNG or WebP image, or none.',
    })
  })

  it('says how long a remix prompt over the limit is', () => {
    expect(plainFieldErrors(validateRemixVideoParams({ prompt: 'a'.repeat(32_005) }))).toEqual({
      prompt: 'Shorten the prompt to 32,000 characters or fewer (it has 32,005).',
    })
  })

  it('files issues without a field under "form", and reads nothing from other errors', () => {
    expect(plainFieldErrors(validateRemixVideoParams('not an object'))).toEqual({
      form: 'Check the form and try again.',
    })
    expect(plainFieldErrors(new VideoApiError({ status: 500, message: 'down' }))).toEqual({})
  })
})
