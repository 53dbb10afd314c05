import { VideoValidationError } from '../errors'
import type { VideoContentVariant } from '../schema/video'
import { cancel } from './body'

/**
 * The image types a thumbnail or spritesheet may have: raster formats only. An `image/svg+xml` answer can
 * carry `<script>` and runs it when opened from its object URL, so it is refused like any other type.
 */
export const RASTER_IMAGE_TYPES: readonly string[] = ['image/webp', 'image/jpeg', 'image/png']

/**
 * Refuses content whose `content-type` does not fit the variant: `video/*` for `video`, a raster image
 * ({@link RASTER_IMAGE_TYPES}) for `thumbnail` and `spritesheet`, so an error page, JSON or an SVG never
 * becomes a `<video>` or `<img>` source. Parameters (`; charset=...`) and case are ignored. The error
 * says what was served; the body is cancelled unread.
 */
export function assertContentType(response: Response, variant: VideoContentVariant, id: string): void {
  const contentType = response.headers.get('content-type') ?? ''
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  const isVideo = variant === 'video'
  if (isVideo ? /^video\/[^/\s]+$/.test(mediaType) : RASTER_IMAGE_TYPES.includes(mediaType)) return
  cancel(response.body)
  const got = contentType === '' ? 'no content-type' : `'${contentType}'`
  const expected = isVideo ? 'video/*' : `image/* in a raster format (${RASTER_IMAGE_TYPES.join(', ')})`
  const why =
    !isVideo && mediaType.startsWith('image/')
      ? 'vidjob accepts no other image type: an SVG, for one, can carry scripts.'
      : 'The server or a proxy answered with something else than the media (an error page?).'
  throw new VideoValidationError(
    `The ${variant} of video ${id} came back as ${got}, expected ${expected}. ${why}`,
    [
      {
        code: 'custom',
        path: ['content-type'],
        message: `expected ${expected}, got ${got}`,
        input: contentType,
      },
    ],
    { contentType },
  )
}
