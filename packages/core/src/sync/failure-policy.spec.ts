import { describe, expect, it } from 'vitest'
import { VideoApiError, VideoNetworkError } from '../errors'
import { classifyFailure } from './failure-policy'

const api = (status: number, code?: string) => new VideoApiError({ status, message: 'x', code })

describe('classifyFailure', () => {
  it.each([
    [api(429), 'rate-limited'],
    [api(404), 'gone'],
    [api(400, 'task_not_exist'), 'gone'],
    [api(400), 'permanent'],
    [api(405), 'unsupported'],
    [api(501), 'unsupported'],
    [api(408), 'transient'],
    [api(503), 'transient'],
    [new VideoNetworkError('down'), 'transient'],
    [new DOMException('stop', 'AbortError'), 'aborted'],
  ])('reads %o as %s', (error, kind) => {
    expect(classifyFailure(error)).toBe(kind)
  })
})
