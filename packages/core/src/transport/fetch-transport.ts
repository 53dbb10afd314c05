import type { CreateVideoParams } from '../schema/params'
import { VideoApiError, VideoClientError, VideoValidationError, abortError } from '../errors'
import { assertApiKeyAllowed } from './browser-guard'
import { createBody, hasFile, type BodyEncoding } from './create-body'
import { createCredentials, type CredentialSource } from './credentials'
import { checkOptions, type FetchTransportOptions, type FetchTransportSetup } from './fetch-options'
import type { RequestContext } from './http-errors'
import { apiErrorFromResponse, describeOrigin, networkError, timeoutError } from './http-errors'
import { VIDEOS_PATH, videoPath, withQuery } from './paths'
import { readTransportResult } from './read-result'
import { redactError } from './redact'
import { startDeadline } from './request-deadline'
import type { TransportOperation, TransportResult, VideoTransport } from './types'

export type { CreateEncoding, FetchTransportOptions, PerRequest } from './fetch-options'

type Method = 'GET' | 'POST' | 'DELETE'

/** One request, relative to `baseURL`. */
interface Outgoing {
  method: Method
  path: string
  body?: string | FormData
  /** The JSON endpoint this is, for `normalize`; `undefined` for `downloadContent`. */
  operation?: TransportOperation
  /** `downloadContent`'s `Range`, passed through. */
  range?: string | undefined
}

type Send = <T>(
  outgoing: Outgoing,
  signal: AbortSignal | undefined,
  read: (response: Response, context: RequestContext) => Promise<T> | T,
) => Promise<T>

/** Statuses with which a server refuses a JSON create it only takes as a form (FastAPI: 422). */
const FORM_ONLY = new Set([415, 422])

/**
 * A {@link VideoTransport} over `fetch`, for the OpenAI Videos API or any server of the same shape.
 *
 * Ids are refused when empty, `.` or `..` and otherwise encoded with `encodeURIComponent`, so no id can
 * reach another path. `create` follows `createEncoding`: by default JSON, multipart when `input_reference`
 * is a File/Blob, and multipart for good once a JSON create was refused with 415/422 (then retried once).
 * Non-2xx answers reject with `VideoApiError`, failed connections and timeouts with `VideoNetworkError`,
 * bodies that are not JSON, too large or too deep with `VideoValidationError`, a failing option function
 * with `VideoConfigError`, and an aborted `signal` with the platform's `AbortError`.
 * Every URL is built from `baseURL`, so `Authorization` only goes there; if that server redirects to
 * another origin, `fetch` drops the header on the way (Fetch standard, in browsers and Node's undici).
 *
 * @example
 * // On a server:
 * const transport = createFetchTransport({ baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY })
 * // In a browser, through your own proxy that adds the key:
 * const transport = createFetchTransport({ baseURL: '/api/openai/v1' })
 * // Azure OpenAI v1:
 * const transport = createFetchTransport({
 *   baseURL: 'https://my-resource.openai.azure.com/openai/v1',
 *   defaultQuery: { 'api-version': 'preview' },
 *   headers: { 'api-key': process.env.AZURE_OPENAI_API_KEY! },
 * })
 */
export function createFetchTransport(options: FetchTransportOptions): VideoTransport {
  const apiKey = options.apiKey === '' ? undefined : options.apiKey
  assertApiKeyAllowed({ apiKey, dangerouslyAllowBrowser: options.dangerouslyAllowBrowser })
  const setup = checkOptions(options)
  const send = createSend(options, setup, createCredentials(apiKey, options.headers, setup.defaultQuery))
  const json = (outgoing: Outgoing, signal: AbortSignal | undefined) =>
    send(outgoing, signal, readTransportResult)
  const create = createWithEncoding(setup, (params, encoding, signal) =>
    json(
      { method: 'POST', path: VIDEOS_PATH, body: createBody(params, encoding), operation: 'create' },
      signal,
    ),
  )
  return {
    async retrieve(id, requestOptions) {
      return json({ method: 'GET', path: videoPath(id), operation: 'retrieve' }, requestOptions?.signal)
    },
    async list(query, requestOptions) {
      const path = withQuery(VIDEOS_PATH, { after: query.after, limit: query.limit, order: query.order })
      return json({ method: 'GET', path, operation: 'list' }, requestOptions?.signal)
    },
    async create(params, requestOptions) {
      return create(params, requestOptions?.signal)
    },
    async remix(id, params, requestOptions) {
      const body = JSON.stringify({ prompt: params.prompt })
      return json(
        { method: 'POST', path: videoPath(id, 'remix'), body, operation: 'remix' },
        requestOptions?.signal,
      )
    },
    async delete(id, requestOptions) {
      return json({ method: 'DELETE', path: videoPath(id), operation: 'delete' }, requestOptions?.signal)
    },
    async downloadContent(id, query, requestOptions) {
      const path = withQuery(videoPath(id, 'content'), { variant: query?.variant })
      const outgoing = { method: 'GET' as const, path, range: requestOptions?.range }
      return send(outgoing, requestOptions?.signal, (response) => response)
    },
  }
}

type SendCreate = (
  params: CreateVideoParams,
  encoding: BodyEncoding,
  signal: AbortSignal | undefined,
) => Promise<TransportResult>

/**
 * `create` under `createEncoding`. In `'auto'`, a JSON create refused with 415/422 is sent again once as
 * multipart; unless that is refused with 415 too (then the server takes no form either, and the JSON
 * answer is the one that explains), every later create goes as multipart straight away.
 */
function createWithEncoding(setup: FetchTransportSetup, sendCreate: SendCreate) {
  let learned: BodyEncoding | undefined
  return async (params: CreateVideoParams, signal: AbortSignal | undefined): Promise<TransportResult> => {
    if (setup.createEncoding === 'json' && hasFile(params)) throw fileNeedsMultipart()
    if (setup.createEncoding !== 'auto') return sendCreate(params, setup.createEncoding, signal)
    const encoding = hasFile(params) ? 'multipart' : (learned ?? 'json')
    try {
      return await sendCreate(params, encoding, signal)
    } catch (error) {
      if (encoding === 'multipart' || !(error instanceof VideoApiError) || !FORM_ONLY.has(error.status))
        throw error
      try {
        const result = await sendCreate(params, 'multipart', signal)
        learned = 'multipart'
        return result
      } catch (retryError) {
        if (!(retryError instanceof VideoApiError)) throw retryError
        if (retryError.status === 415) throw error
        learned = 'multipart'
        throw retryError
      }
    }
  }
}

function fileNeedsMultipart(): VideoValidationError {
  const message = "input_reference is a file, which only multipart can carry, but createEncoding is 'json'"
  return new VideoValidationError(
    `Invalid create params: ${message}. Nothing was sent. Use createEncoding 'auto' or 'multipart', or pass ` +
      'input_reference as { image_url } or { file_id }.',
    [{ code: 'custom', path: ['input_reference'], message, input: undefined }],
    undefined,
  )
}

function createSend(
  options: FetchTransportOptions,
  setup: FetchTransportSetup,
  credentials: CredentialSource,
): Send {
  const origin = describeOrigin(options.baseURL)
  const { timeoutMs, maxBodyBytes, normalize } = setup
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))

  return async (outgoing, signal, read) => {
    const request = `${outgoing.method} ${outgoing.path}`
    const context: RequestContext = {
      request,
      origin,
      maxBodyBytes,
      normalize,
      operation: outgoing.operation,
    }
    if (signal?.aborted) throw abortError(signal)
    const deadline = startDeadline(signal, timeoutMs)
    try {
      // Static credentials are ready at once, so `fetch` starts in the same tick as the call.
      const pending = credentials(request)
      const { headers, secrets } = pending instanceof Promise ? await deadline.race(pending) : pending
      context.secrets = secrets
      const response = await deadline.race(
        fetchImpl(setup.root + withDefaultQuery(outgoing.path, setup.defaultQuery), {
          method: outgoing.method,
          headers: requestHeaders(outgoing, headers),
          body: outgoing.body ?? null,
          signal: deadline.signal ?? null,
        }),
      )
      if (!response.ok) throw await deadline.race(apiErrorFromResponse(response, context))
      return await deadline.race(Promise.resolve(read(response, context)))
    } catch (error) {
      // The caller's abort wins, then errors already mapped, then the timeout.
      if (signal?.aborted) throw abortError(signal)
      if (error instanceof VideoClientError) throw redactError(error, context.secrets ?? [])
      if (!deadline.timedOut) throw networkError(context, error)
      throw timeoutError(context, `after ${timeoutMs} ms (raise timeoutMs if the server is just slow)`, error)
    } finally {
      deadline.clear()
    }
  }
}

/** `path` with the `defaultQuery` parameters it does not set itself. */
function withDefaultQuery(path: string, defaultQuery: Readonly<Record<string, string>>): string {
  const [pathname = path, search = ''] = path.split('?', 2)
  const query = new URLSearchParams(search)
  for (const [name, value] of Object.entries(defaultQuery)) if (!query.has(name)) query.append(name, value)
  const encoded = query.toString()
  return encoded === '' ? pathname : `${pathname}?${encoded}`
}

function requestHeaders(outgoing: Outgoing, credentials: Headers): Headers {
  const headers = new Headers(outgoing.operation === undefined ? undefined : { accept: 'application/json' })
  credentials.forEach((value, name) => headers.set(name, value))
  // FormData sets its own multipart content-type, with the boundary.
  if (typeof outgoing.body === 'string') headers.set('content-type', 'application/json')
  if (outgoing.range !== undefined) headers.set('range', outgoing.range)
  return headers
}
