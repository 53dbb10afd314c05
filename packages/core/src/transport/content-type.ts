import { VideoValidationError } from '../errors'
import type { VideoContentVariant } from '../schema/video'

const EXPECTED: Readonly<Record<VideoContentVariant, string>> = {
  video: 'video/',
  thumbnail: 'image/',
  spritesheet: 'image/',
}

/**
 * Refuses content whose `content-type` does not fit the variant (`video/*` for `video`, `image/*` for
 * `thumbnail` and `spritesheet`), so an error page or JSON never becomes a `<video>` source.
 */
export function assertContentType(response: Response, variant: VideoContentVariant, id: string): void {
  const contentType = response.headers.get('content-type') ?? ''
  const expected = EXPECTED[variant]
  if (contentType.toLowerCase().startsWith(expected)) return
  void response.body?.cancel().catch(() => undefined)
  const got = contentType === '' ? 'no content-type' : `'${contentType}'`
  throw new VideoValidationError(
    `The ${variant} of video ${id} came back as ${got}, expected ${expected}*. ` +
      'The server or a proxy answered with something else than the media (an error page?).',
    [{ code: 'custom', path: ['content-type'], message: `expected ${expected}*`, input: contentType }],
    { contentType },
  )
}
