import type { VideoContentVariant } from '@vidjob/core'
import { apiError, badRequest } from '../http'
import type { RelayUser } from '../options'
import { ownVideo, type RelayContext } from './context'

const VARIANTS: readonly string[] = ['video', 'thumbnail', 'spritesheet']
const RASTER = ['image/webp', 'image/jpeg', 'image/png']
/** The upstream headers a browser needs to play and seek the media; nothing else is passed on. */
const PASSED = ['content-type', 'content-length', 'content-range', 'accept-ranges', 'etag', 'last-modified']

/**
 * `GET /videos/{id}/content`: the caller's own media, streamed chunk by chunk (never buffered whole),
 * `Range` passed through for seeking, and refused (502) unless its `content-type` fits the variant, so an
 * error page or an SVG never reaches a `<video>` or `<img>`.
 */
export async function videoContent(
  context: RelayContext,
  user: RelayUser,
  id: string,
  request: Request,
  url: URL,
): Promise<Response> {
  const own = await ownVideo(context, user, id)
  if ('response' in own) return own.response
  const variant = url.searchParams.get('variant') ?? 'video'
  if (!VARIANTS.includes(variant))
    return badRequest(`variant must be one of ${VARIANTS.join(', ')}; got '${variant}'.`, 'variant')
  let upstream: Response
  try {
    const range = request.headers.get('range') ?? undefined
    upstream = await context.upstream.downloadContent(
      id,
      { variant: variant as VideoContentVariant },
      { signal: request.signal, range },
    )
  } catch (error) {
    return context.fail(error)
  }
  if (!fits(upstream.headers.get('content-type'), variant)) {
    await upstream.body?.cancel().catch(() => undefined)
    return apiError(502, {
      message: `The Videos API answered the ${variant} of ${id} with '${upstream.headers.get('content-type') ?? 'no content-type'}', which is not media of that kind.`,
      type: 'upstream_invalid_response',
    })
  }
  const headers = new Headers({
    'cache-control': 'private, max-age=3600',
    'x-content-type-options': 'nosniff',
  })
  for (const name of PASSED) {
    const value = upstream.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  return new Response(upstream.body, { status: upstream.status === 206 ? 206 : 200, headers })
}

function fits(contentType: string | null, variant: string): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  return variant === 'video' ? /^video\/[^/\s]+$/.test(type) : RASTER.includes(type)
}
