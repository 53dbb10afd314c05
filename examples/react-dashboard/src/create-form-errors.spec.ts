import { VideoApiError, VideoValidationError } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { checkCreateParams, errorsOfFailure } from './create-form-errors'

describe('create form errors', () => {
  it('puts a plain message for an empty prompt under the prompt field, not the schema wording', () => {
    expect(checkCreateParams({ prompt: '' })).toEqual({ prompt: 'Describe what you want to see first.' })
  })

  it('says how long a prompt over the limit is', () => {
    expect(checkCreateParams({ prompt: 'a'.repeat(32_001) })).toEqual({
      prompt: 'Shorten the prompt to 32,000 characters or fewer (it has 32,001).',
    })
  })

  it('accepts params the schema accepts', () => {
    expect(
      checkCreateParams({ prompt: 'A fox in snow', model: 'sora-2', size: '1280x720', seconds: '8' }),
    ).toEqual({})
  })

  it('keeps the first message per field and files unknown paths under form', () => {
    const issues = [
      { code: 'custom' as const, path: ['prompt'], message: 'first', input: '' },
      { code: 'custom' as const, path: ['prompt'], message: 'second', input: 'x'.repeat(40_000) },
      { code: 'custom' as const, path: [], message: 'whole object', input: {} },
      { code: 'custom' as const, path: ['nonsense'], message: 'stray', input: 1 },
    ]
    const errors = errorsOfFailure(new VideoValidationError('bad', issues, { prompt: '' }))
    expect(errors).toEqual({
      prompt: 'Describe what you want to see first.',
      form: 'Check the form and try again.',
    })
  })

  it('reads the issues of a VideoValidationError and nothing from other failures', () => {
    const invalid = new VideoValidationError(
      'bad',
      [{ code: 'custom', path: ['seconds'], message: 'no', input: '' }],
      {},
    )
    expect(errorsOfFailure(invalid)).toEqual({ seconds: 'Choose a length from the list.' })
    expect(errorsOfFailure(new VideoApiError({ status: 500, message: 'down' }))).toEqual({})
  })
})
