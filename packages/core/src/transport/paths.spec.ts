import { describe, expect, it } from 'vitest'
import { VideoValidationError } from '../errors'
import { assertVideoId, definedQuery, videoPath, withQuery } from './paths'

describe('assertVideoId', () => {
  it.each(['', '.', '..'])('refuses %j with a VideoValidationError naming the id', (id) => {
    const error = catchError(() => assertVideoId(id))
    expect(error).toBeInstanceOf(VideoValidationError)
    expect(error.message).toContain(`video id ${JSON.stringify(id)}`)
    expect((error as VideoValidationError).body).toBe(id)
    expect((error as VideoValidationError).issues).toHaveLength(1)
  })

  it('says why an empty id and a dot-segment are refused', () => {
    expect(catchError(() => assertVideoId('')).message).toMatch(/must not be empty/)
    expect(catchError(() => assertVideoId('..')).message).toMatch(/dot-segment/)
  })

  it('refuses a value that is not a string (a JavaScript caller passing undefined)', () => {
    expect(catchError(() => assertVideoId(undefined)).message).toMatch(/must be a string, got undefined/)
  })

  it.each(['video_123', '...', '.hidden', 'a..b'])('accepts %j', (id) => {
    expect(() => assertVideoId(id)).not.toThrow()
  })
})

describe('videoPath', () => {
  it.each([
    ['video_123', undefined, '/videos/video_123'],
    ['a/b', undefined, '/videos/a%2Fb'],
    ['../x', 'content', '/videos/..%2Fx/content'],
    ['?q', 'remix', '/videos/%3Fq/remix'],
    ['#h', undefined, '/videos/%23h'],
  ] as const)('keeps %j inside its segment', (id, action, expected) => {
    expect(videoPath(id, action)).toBe(expected)
  })

  it('never lets an encoded id leave /videos when the URL is resolved', () => {
    for (const id of ['a/b', '../x', '?q', '#h', '..%2F..', '%2e%2e']) {
      const url = new URL(`https://api.example.com/v1${videoPath(id, 'content')}`)
      expect(url.pathname).toMatch(/^\/v1\/videos\/[^/]+\/content$/)
      expect(url.search + url.hash).toBe('')
    }
  })

  it('applies the id guard', () => {
    expect(() => videoPath('..', 'remix')).toThrow(VideoValidationError)
  })
})

describe('definedQuery and withQuery', () => {
  it('drops undefined entries', () => {
    expect(definedQuery({ after: undefined, limit: 10, order: 'asc' })).toEqual({ limit: 10, order: 'asc' })
  })

  it('appends only the defined entries, encoded, and no "?" when there are none', () => {
    expect(withQuery('/videos', { after: 'v 1&x', limit: 0, order: undefined })).toBe(
      '/videos?after=v+1%26x&limit=0',
    )
    expect(withQuery('/videos', { after: undefined })).toBe('/videos')
  })
})

function catchError(run: () => void): Error {
  try {
    run()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a throw')
}
