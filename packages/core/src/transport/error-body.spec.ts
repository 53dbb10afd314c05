import { describe, expect, it } from 'vitest'
import { readErrorBody } from './error-body'

describe('readErrorBody', () => {
  it('reads the spec envelope', () => {
    expect(
      readErrorBody({ error: { message: 'Bad prompt', type: 'invalid_request_error', code: 'x' } }),
    ).toMatchObject({ message: 'Bad prompt', code: 'x' })
  })

  it("reads new-api's flat task error, code as a string", () => {
    expect(readErrorBody({ code: 'task_not_exist', message: 'task_not_exist', data: null })).toEqual({
      message: 'task_not_exist',
      code: 'task_not_exist',
    })
    expect(readErrorBody({ code: 1026, message: 'sensitive' })).toEqual({
      message: 'sensitive',
      code: '1026',
    })
  })

  it('reads FastAPI bodies, and nothing from a body without a message', () => {
    expect(readErrorBody({ detail: 'Video not found' })).toEqual({ message: 'Video not found' })
    expect(readErrorBody({ message: '' })).toBeUndefined()
    expect(readErrorBody({ status: 'bad' })).toBeUndefined()
    expect(readErrorBody('oops')).toBeUndefined()
  })
})
