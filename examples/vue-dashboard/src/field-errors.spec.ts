import { CreateVideoParamsSchema, RemixVideoParamsSchema } from '@vidjob/core'
import { describe, expect, it } from 'vitest'
import { fieldErrors } from './field-errors'

describe('fieldErrors', () => {
  it('keeps the first issue per field, in plain words rather than the schema wording', () => {
    const params = { prompt: '', seconds: '', input_reference: 42 }
    const result = CreateVideoParamsSchema.safeParse(params)
    expect(result.success).toBe(false)
    expect(fieldErrors(result.error?.issues ?? [], params)).toEqual({
      prompt: 'Describe what you want to see first.',
      seconds: 'Choose a length from the list.',
      input_reference: 'Choose a JPEG, PNG or WebP image, or none.',
    })
  })

  it('says how long a remix prompt over the limit is', () => {
    const params = { prompt: 'a'.repeat(32_005) }
    const result = RemixVideoParamsSchema.safeParse(params)
    expect(fieldErrors(result.error?.issues ?? [], params)).toEqual({
      prompt: 'Shorten the prompt to 32,000 characters or fewer (it has 32,005).',
    })
  })

  it('files issues without a path under "form"', () => {
    const result = RemixVideoParamsSchema.safeParse('not an object')
    expect(fieldErrors(result.error?.issues ?? [])).toEqual({ form: 'Check the form and try again.' })
  })
})
