import { describe, expect, it } from 'vitest'
import { VideoValidationError } from '../errors'
import type { VideoContentVariant } from '../schema/video'
import { assertContentType, RASTER_IMAGE_TYPES } from './content-type'

/** A response with `contentType`, whose body records whether it was cancelled. */
function served(contentType: string | undefined): { response: Response; cancelled: () => boolean } {
  let cancelled = false
  const body = new ReadableStream({ cancel: () => void (cancelled = true) })
  const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType }
  return { response: new Response(body, { headers }), cancelled: () => cancelled }
}

function refusal(variant: VideoContentVariant, contentType: string | undefined): VideoValidationError {
  try {
    assertContentType(served(contentType).response, variant, 'video_1')
  } catch (error) {
    return error as VideoValidationError
  }
  throw new Error(`expected ${String(contentType)} to be refused for ${variant}`)
}

describe('assertContentType', () => {
  it.each(['thumbnail', 'spritesheet'] as const)('accepts the raster types for a %s', (variant) => {
    for (const type of [...RASTER_IMAGE_TYPES, 'IMAGE/PNG', 'image/jpeg; charset=binary']) {
      expect(() => assertContentType(served(type).response, variant, 'video_1')).not.toThrow()
    }
  })

  it.each(['thumbnail', 'spritesheet'] as const)(
    'refuses an SVG %s (it can carry <script>), saying what was served',
    (variant) => {
      const { response, cancelled } = served('image/svg+xml')
      expect(() => assertContentType(response, variant, 'video_1')).toThrow(VideoValidationError)
      expect(cancelled()).toBe(true)
      const error = refusal(variant, 'image/svg+xml')
      expect(error.message).toBe(
        `The ${variant} of video video_1 came back as 'image/svg+xml', expected image/* in a raster format ` +
          '(image/webp, image/jpeg, image/png). vidjob accepts no other image type: an SVG, for one, can carry scripts.',
      )
      expect(error.issues[0]).toMatchObject({ path: ['content-type'], input: 'image/svg+xml' })
      expect(error.body).toEqual({ contentType: 'image/svg+xml' })
    },
  )

  it.each(['image/gif', 'image/bmp', 'image/svg', 'image/', 'video/mp4', 'text/html', 'application/json'])(
    'refuses %s for a thumbnail',
    (type) => {
      expect(refusal('thumbnail', type).message).toContain(`came back as '${type}'`)
    },
  )

  it('accepts video/* for the video, with parameters', () => {
    for (const type of ['video/mp4', 'video/webm', 'Video/MP4; codecs="avc1"']) {
      expect(() => assertContentType(served(type).response, 'video', 'video_1')).not.toThrow()
    }
  })

  it.each(['image/png', 'video/', 'text/html', 'application/octet-stream'])(
    'refuses %s for the video',
    (type) => {
      expect(refusal('video', type).message).toMatch(/expected video\/\*\. The server or a proxy/)
    },
  )

  it('names a missing content-type', () => {
    expect(refusal('video', undefined).message).toContain('came back as no content-type')
  })
})
