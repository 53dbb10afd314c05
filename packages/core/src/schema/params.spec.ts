import { afterEach, describe, expect, it, vi } from 'vitest'
import { setup } from '../../test/harness'
import { VideoValidationError } from '../errors'
import { validateCreateVideoParams, validateRemixVideoParams } from './params'

afterEach(() => {
  vi.useRealTimers()
})

describe('validateCreateVideoParams / validateRemixVideoParams', () => {
  it('pass valid params', () => {
    expect(validateCreateVideoParams({ prompt: 'A fox', seconds: '8' })).toBeUndefined()
    expect(validateRemixVideoParams({ prompt: 'At night' })).toBeUndefined()
  })

  it('give the error client.create would reject with, sending nothing', async () => {
    const { api, client } = setup()
    const params = { prompt: '', seconds: '' }
    const checked = validateCreateVideoParams(params)
    const rejected = await client.create(params).catch((error: unknown) => error)
    expect(checked).toBeInstanceOf(VideoValidationError)
    expect(checked?.message).toBe((rejected as Error).message)
    expect(api.log).toHaveLength(0)
  })

  it('name each field once in issuesByField, and put issues about no field under ""', () => {
    const create = validateCreateVideoParams({ prompt: '', seconds: 8, extra: true })
    expect(create?.issuesByField()).toEqual({
      prompt: 'prompt must not be empty',
      seconds: expect.stringContaining('string'),
      '': expect.stringContaining('extra'),
    })
    expect(validateRemixVideoParams({})?.issuesByField()).toEqual({ prompt: 'prompt must be a string' })
  })
})
