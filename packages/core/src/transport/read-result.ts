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
  if (!read.ok) throw bodyError(response, context, `a body larger than maxBodyBytes (${maxBodyBytes} bytes)`)
  const json = parseJson(read.text)
  if (!json.ok && json.tooDeep) {
    throw bodyError(response, context, `JSON nested deeper than ${MAX_JSON_DEPTH} levels`)
  }
  if (!json.ok) throw nonJsonBodyError(response, context, read.text)
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
      `The normalize function threw (${name}) on the answer to ${context.request}; the answer was dropped. ` +
        'Fix the function: it runs on every JSON answer and must return the body in the Videos API shape.',
      { cause: error },
    )
  }
}

function bodyError(response: Response, context: RequestContext, problem: string): VideoValidationError {
  const hint = problem.startsWith('JSON')
    ? 'A Videos API answer is a few levels deep: check that baseURL points at one.'
    : 'vidjob stopped reading it. Raise maxBodyBytes in createFetchTransport if answers this large are ' +
      'expected, otherwise check that baseURL points at a Videos API.'
  const error = new VideoValidationError(
    `${context.request} to ${context.origin} answered ${response.status} with ${problem}. ${hint}`,
    [{ code: 'custom', path: [], message: `refused ${problem}`, input: undefined }],
    undefined,
  )
  return redactError(error, context.secrets ?? [])
}

function nonJsonBodyError(response: Response, context: RequestContext, text: string): VideoValidationError {
  const contentType = response.headers.get('content-type') ?? 'no content-type'
  const problem = `expected a JSON body, got ${text === '' ? 'an empty body' : contentType}`
  const error = new VideoValidationError(
    `${context.request} to ${context.origin} answered ${response.status} but the server sent non-JSON ` +
      `(${problem}). Check that baseURL points at a Videos API, including its version prefix ` +
      `(e.g. https://api.openai.com/v1), and not at a web page or another service.`,
    [{ code: 'custom', path: [], message: problem, input: text }],
    text,
  )
  return redactError(error, context.secrets ?? [])
}
