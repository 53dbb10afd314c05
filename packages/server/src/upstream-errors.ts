import { VideoApiError, VideoNetworkError, VideoUnsupportedError, VideoValidationError } from '@vidjob/core'
import { apiError, notFound, retryAfter } from './http'
import { StoreUnavailableError } from './store/ownership-store'

/** When a caller may try again after the store was unavailable: about one reconnect of a restarted Redis. */
const STORE_RETRY_MS = 5_000

/**
 * The answer to a caller when the Videos API failed: its own status for what the caller can act on (404,
 * 400, 429 with the same `Retry-After`, 501 for a route the upstream lacks), 502 when it cannot be reached, answers nonsense or refuses the
 * relay's own key, and 504 when it does not answer in time. Errors from core transports carry no key;
 * nothing of the upstream's headers is passed on. A shared store that cannot be reached answers 503 with
 * `Retry-After`. `onInternal` hears of everything that is no upstream failure (a store down, a bug; the
 * latter answered 500), without its details reaching the caller.
 */
export function upstreamFailure(
  error: unknown,
  upstreamOrigin: string | undefined,
  onInternal: (error: unknown) => void,
): Response {
  if (error instanceof VideoNetworkError) {
    const at = upstreamOrigin ?? originIn(error.message)
    if (error.timedOut)
      return apiError(504, {
        message: `The Videos API at ${at} did not answer in time.`,
        type: 'upstream_timeout',
      })
    return apiError(502, {
      message: `The server cannot reach the Videos API at ${at}. Check that it is running and that the relay's upstream points to it.`,
      type: 'upstream_unreachable',
    })
  }
  if (error instanceof VideoApiError) return fromApiError(error)
  // The relay's client learned (or was told) that the upstream lacks this route: 501 lets the browser's
  // client learn it too, and say so, instead of a 500 that reads like a bug.
  if (error instanceof VideoUnsupportedError)
    return apiError(501, {
      message: error.message,
      type: 'not_implemented',
      param: error.capability,
      code: `unsupported_${error.capability}`,
    })
  if (error instanceof VideoValidationError)
    return apiError(502, {
      message: `The Videos API answered with something that is not what the API defines: ${error.message}`,
      type: 'upstream_invalid_response',
    })
  if (error instanceof StoreUnavailableError) {
    onInternal(error)
    return apiError(
      503,
      { message: "The relay's store is unavailable; try again shortly.", type: 'store_unavailable' },
      retryAfter(STORE_RETRY_MS),
    )
  }
  if (error instanceof Error && error.name === 'AbortError')
    return apiError(499, { message: 'The request was cancelled.', type: 'cancelled' })
  onInternal(error)
  return apiError(500, { message: 'The relay failed to answer; see its logs.', type: 'server_error' })
}

function fromApiError(error: VideoApiError): Response {
  const { status, message, type, param, code } = error
  if (status === 429) {
    const requested = error.requestedRetryAfterMs
    const wait = requested !== undefined && Number.isFinite(requested) ? requested : error.retryAfterMs
    return apiError(
      429,
      { message, type: type ?? 'rate_limit_exceeded', param, code },
      wait === undefined ? {} : retryAfter(wait),
    )
  }
  if (status === 401 || status === 403)
    return apiError(502, {
      message: `The Videos API refused the relay's credentials (${status}). Check the relay's API key.`,
      type: 'upstream_auth',
    })
  if (status === 404) return notFound('No such video.')
  if (status === 405 || status === 501)
    return apiError(501, {
      message: `The Videos API does not support this: ${message}`,
      type: 'not_implemented',
    })
  if (status >= 500)
    return apiError(502, { message: `The Videos API failed: ${message}`, type: 'upstream_error' })
  return apiError(status, { message, type: type ?? 'invalid_request_error', param, code })
}

/** The origin a core transport's network error names (`GET /videos/x to https://host failed: …`). */
function originIn(message: string): string {
  return / to (\S+?) (?:failed|timed out)/.exec(message)?.[1] ?? 'its configured address'
}
