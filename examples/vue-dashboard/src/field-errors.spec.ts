import { CreateVideoParamsSchema, RemixVideoParamsSchema } from '@vidjob/core/schema'
import { describe, expect, it } from 'vitest'
import { fieldErrors } from './field-errors'

describe('fieldErrors', () => {
  it("keeps the schema's first message per field", () => {
    const result = CreateVideoParamsSchema.safeParse({ prompt: '', seconds: '', input_reference: 42 })
    expect(result.success).toBe(false)
    expect(fieldErrors(result.error?.issues ?? [])).toEqual({
      prompt: 'prompt must not be empty',
      seconds: expect.any(String),
      input_reference: expect.any(String),
    })
  })

  it('files issues without a path under "form"', () => {
    const result = RemixVideoParamsSchema.safeParse('not an object')
    expect(Object.keys(fieldErrors(result.error?.issues ?? []))).toEqual(['form'])
  })
})
