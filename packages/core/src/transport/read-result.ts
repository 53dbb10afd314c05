import { VideoConfigError, VideoValidationError } from '../errors'
import { DEFAULT_MAX_BODY_BYTES, readBodyText } from './body'
import type { RequestContext } from './http-errors'
import { readPollAfterMs, readRequestId } from './headers'
import { MAX_JSON_DEPTH, parseJson } from './json'
import { redactError, redactValue } from './redact'
import type { TransportResult } from './types'

/**
 * Reads a 2xx JSON answer into a {@link TransportResult}: the body, unvalidated (the client validates it),
 * passed through the transport's `normalize` and scrubbed of the secrets, and the
 * `openai-poll-after-ms` / `x-request-id` hints. A body that is not JSON, larger than `maxBodyBytes` or
 * nested deeper than {@link MAX_JSON_DEPTH} is a `VideoValidationError`; the first usually means
 * `baseURL` points at a web page or another service.
 */
export async function readTransportResult(
  response: Response,
  context: RequestContext,
): Promise<TransportResult> {
  const maxBodyBytes = context.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const read = await readBodyText(response, maxBodyBytes)
  if (!read.ok) {
    throw refused(
      response,
      context,
      `a body larger than maxBodyBytes (${maxBodyBytes} bytes)`,
      'vidjob stopped reading it. Raise maxBodyBytes in createFetchTransport if answers this large are ' +
        'expected, otherwise check that baseURL points at a Videos API.',
    )
  }
  const json = parseJson(read.text)
  if (!json.ok && json.tooDeep) {
    const hint = 'A Videos API answer is a few levels deep: check that baseURL points at one.'
    throw refused(response, context, `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, hint)
  }
  if (!json.ok) {
    const contentType = response.headers.get('content-type') ?? 'no content-type'
    const problem = `expected a JSON body, got ${read.text === '' ? 'an empty body' : contentType}`
    throw refused(
      response,
      context,
      `non-JSON (${problem})`,
      'Check that baseURL points at a Videos API, including its version prefix (e.g. ' +
        'https://api.openai.com/v1), and not at a web page or another service.',
      problem,
      read.text,
    )
  }
  const secrets = context.secrets ?? []
  const result: TransportResult = { body: redactValue(normalized(json.value, context), secrets) }
  const pollAfterMs = readPollAfterMs(response.headers)
  const requestId = readRequestId(response.headers)
  if (pollAfterMs !== undefined) result.pollAfterMs = pollAfterMs
  if (requestId !== undefined) result.requestId = redactValue(requestId, secrets)
  return result
}

function normalized(body: unknown, context: RequestContext): unknown {
  const { normalize, operation } = context
  if (normalize === undefined || operation === undefined) return body
  try {
    return normalize(body, operation)
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error
    throw new VideoConfigError(
      'normalize',
      `The normalize function threw (${name}) on the answer to ${context.request}, which was dropped. ` +
        'It runs on every JSON answer and must return the body in the Videos API shape.',
      { cause: error },
    )
  }
}

/** A 2xx answer vidjob will not hand on: `what` it was, and what to check. */
function refused(
  response: Response,
  context: RequestContext,
  what: string,
  hint: string,
  problem = `refused ${what}`,
  text?: string,
): VideoValidationError {
  const sent = what.startsWith('non-JSON') ? `but the server sent ${what}.` : `with ${what}.`
  const error = new VideoValidationError(
    `${context.request} to ${context.origin} answered ${response.status} ${sent} ${hint}`,
    [{ code: 'custom', path: [], message: problem, input: text }],
    text,
  )
  return redactError(error, context.secrets ?? [])
}
