import { VideoValidationError } from '../errors'
import type { RequestContext } from './http-errors'
import { readPollAfterMs, readRequestId } from './headers'
import { parseJson } from './json'
import type { TransportResult } from './types'

/**
 * Reads a 2xx JSON answer into a {@link TransportResult}: the body, unvalidated (the client validates it),
 * and the `openai-poll-after-ms` / `x-request-id` hints. A body that is not JSON is a
 * `VideoValidationError`: it usually means `baseURL` points at a web page or another service.
 */
export async function readTransportResult(
  response: Response,
  context: RequestContext,
): Promise<TransportResult> {
  const text = await response.text()
  const json = parseJson(text)
  if (!json.ok) throw nonJsonBodyError(response, context, text)
  const result: TransportResult = { body: json.value }
  const pollAfterMs = readPollAfterMs(response.headers)
  const requestId = readRequestId(response.headers)
  if (pollAfterMs !== undefined) result.pollAfterMs = pollAfterMs
  if (requestId !== undefined) result.requestId = requestId
  return result
}

function nonJsonBodyError(response: Response, context: RequestContext, text: string): VideoValidationError {
  const contentType = response.headers.get('content-type') ?? 'no content-type'
  const problem = `expected a JSON body, got ${text === '' ? 'an empty body' : contentType}`
  return new VideoValidationError(
    `${context.request} to ${context.origin} answered ${response.status} but the server sent non-JSON ` +
      `(${problem}). Check that baseURL points at a Videos API, including its version prefix ` +
      `(e.g. https://api.openai.com/v1), and not at a web page or another service.`,
    [{ code: 'custom', path: [], message: problem, input: text }],
    text,
  )
}
