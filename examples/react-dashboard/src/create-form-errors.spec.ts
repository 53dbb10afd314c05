import { VideoApiError, VideoValidationError } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { checkCreateParams, errorsOfFailure, issuesByField } from './create-form-errors'

describe('create form errors', () => {
  it('puts the schema message for an empty prompt under the prompt field', () => {
    expect(checkCreateParams({ prompt: '' })).toEqual({ prompt: 'prompt must not be empty' })
  })

  it('accepts params the schema accepts', () => {
    expect(
      checkCreateParams({ prompt: 'A fox in snow', model: 'sora-2', size: '1280x720', seconds: '8' }),
    ).toEqual({})
  })

  it('keeps the first message per field and files unknown paths under form', () => {
    const errors = issuesByField([
      { code: 'custom', path: ['prompt'], message: 'first', input: '' },
      { code: 'custom', path: ['prompt'], message: 'second', input: '' },
      { code: 'custom', path: [], message: 'whole object', input: {} },
      { code: 'custom', path: ['nonsense'], message: 'stray', input: 1 },
    ])
    expect(errors).toEqual({ prompt: 'first', form: 'whole object' })
  })

  it('reads the issues of a VideoValidationError and nothing from other failures', () => {
    const invalid = new VideoValidationError(
      'bad',
      [{ code: 'custom', path: ['seconds'], message: 'no', input: '' }],
      {},
    )
    expect(errorsOfFailure(invalid)).toEqual({ seconds: 'no' })
    expect(errorsOfFailure(new VideoApiError({ status: 500, message: 'down' }))).toEqual({})
  })
})
