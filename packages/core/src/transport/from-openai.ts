import type { VideoContentVariant } from '../schema/video'
import { VideoClientError, VideoValidationError, abortError } from '../errors'
import type { HeaderReader } from './headers'
import type { RequestContext } from './http-errors'
import { describeOrigin, networkError, timeoutError, toApiError } from './http-errors'
import { VIDEOS_PATH, definedQuery, videoPath, withQuery } from './paths'
import { readTransportResult } from './read-result'
import { redactError } from './redact'
import { raceAbort } from './request-deadline'
import type { VideoTransport } from './types'

/*
 * The official `openai` package is an optional peer: this file must load without it, so it describes the
 * few members it uses structurally instead of importing the SDK's types.
 */

/** Per-request options vidjob passes to the SDK. */
export interface OpenAIRequestOptionsLike {
  signal?: AbortSignal | undefined
  headers?: Record<string, string> | undefined
}

/** What vidjob needs of the SDK's `APIPromise`: the raw `Response`, unparsed. */
export interface OpenAIPromiseLike {
  asResponse(): Promise<Response>
}

/** The query of `client.videos.list()`. */
export interface OpenAIListQueryLike {
  after?: string
  limit?: number
  order?: 'asc' | 'desc'
}

/** The members of `client.videos` that vidjob calls (openai v6 and v7). */
export interface OpenAIVideosLike {
  create(body: { prompt: string }, options?: OpenAIRequestOptionsLike): OpenAIPromiseLike
  retrieve(videoID: string, options?: OpenAIRequestOptionsLike): OpenAIPromiseLike
  list(query?: OpenAIListQueryLike, options?: OpenAIRequestOptionsLike): OpenAIPromiseLike
  delete(videoID: string, options?: OpenAIRequestOptionsLike): OpenAIPromiseLike
  remix(videoID: string, body: { prompt: string }, options?: OpenAIRequestOptionsLike): OpenAIPromiseLike
  downloadContent(
    videoID: string,
    query?: { variant?: VideoContentVariant },
    options?: OpenAIRequestOptionsLike,
  ): OpenAIPromiseLike
}

/**
 * An instance of the official `openai` SDK (v6 or v7, `OpenAI` or `AzureOpenAI`), described by the members
 * vidjob uses.
 * `baseURL` names the server in error messages; `apiKey` is redacted from them.
 */
export interface OpenAILike {
  readonly videos: OpenAIVideosLike
  readonly baseURL?: string | undefined
  readonly apiKey?: string | null | undefined
}

/** An SDK `APIError` that carries an HTTP answer (its subclasses without one have no status). */
interface SdkStatusError {
  status: number
  headers: HeaderReader
  error?: unknown
}

type Call = <T>(
  request: string,
  signal: AbortSignal | undefined,
  send: (options: OpenAIRequestOptionsLike) => OpenAIPromiseLike,
  read: (response: Response, context: RequestContext) => Promise<T> | T,
) => Promise<T>

/**
 * A {@link VideoTransport} over an instance of the official `openai` SDK, for apps that already configure
 * one (auth, proxies, Azure, logging). Bodies are read from the raw response, so the client validates the
 * same bytes as with `createFetchTransport`; `openai-poll-after-ms` and `x-request-id` are read too.
 * SDK errors map to vidjob's: `APIError` → `VideoApiError`, `APIConnectionError` → `VideoNetworkError`
 * (`timedOut` for `APIConnectionTimeoutError`), a caller's abort → the platform's `AbortError`.
 * vidjob's poller retries on its own, so `maxRetries: 0` on the SDK avoids retrying twice.
 *
 * @example
 * import OpenAI from 'openai'
 * const transport = fromOpenAI(new OpenAI({ apiKey: process.env.OPENAI_API_KEY, maxRetries: 0 }))
 * const client = createVideoClient({ transport })
 */
export function fromOpenAI(client: OpenAILike): VideoTransport {
  assertVideosResource(client)
  const { videos } = client
  const call = createCall(client)
  const json = (request: string, signal: AbortSignal | undefined, send: Parameters<Call>[2]) =>
    call(request, signal, send, readTransportResult)
  return {
    async retrieve(id, options) {
      return json(`GET ${videoPath(id)}`, options?.signal, (sdk) => videos.retrieve(id, sdk))
    },
    async list(query, options) {
      const defined = definedQuery({ after: query.after, limit: query.limit, order: query.order })
      return json(`GET ${withQuery(VIDEOS_PATH, defined)}`, options?.signal, (sdk) =>
        videos.list(defined, sdk),
      )
    },
    async create(params, options) {
      return json(`POST ${VIDEOS_PATH}`, options?.signal, (sdk) => videos.create(params, sdk))
    },
    async remix(id, params, options) {
      const body = { prompt: params.prompt }
      return json(`POST ${videoPath(id, 'remix')}`, options?.signal, (sdk) => videos.remix(id, body, sdk))
    },
    async delete(id, options) {
      return json(`DELETE ${videoPath(id)}`, options?.signal, (sdk) => videos.delete(id, sdk))
    },
    async downloadContent(id, query, options) {
      const defined = definedQuery({ variant: query?.variant })
      const request = `GET ${withQuery(videoPath(id, 'content'), defined)}`
      return call(
        request,
        options?.signal,
        (sdk) => videos.downloadContent(id, defined, withRange(sdk, options?.range)),
        (response) => response,
      )
    },
  }
}

function assertVideosResource(client: OpenAILike): void {
  if (typeof client?.videos?.retrieve === 'function') return
  throw new VideoClientError(
    'fromOpenAI needs an instance of the official openai SDK, version 6 or later (one with client.videos): ' +
      "e.g. fromOpenAI(new OpenAI({ apiKey, maxRetries: 0 })). Upgrade 'openai' if client.videos is missing.",
  )
}

function createCall(client: OpenAILike): Call {
  const origin = client.baseURL === undefined ? "the openai client's baseURL" : describeOrigin(client.baseURL)
  return async (request, signal, send, read) => {
    // Read at each request: the SDK resolves a key given as a function into `apiKey`.
    const context: RequestContext = { request, origin, secrets: secretsOf(client) }
    if (signal?.aborted) throw abortError(signal)
    try {
      const response = await raceAbort(send({ signal }).asResponse(), signal)
      return await raceAbort(Promise.resolve(read(response, context)), signal)
    } catch (error) {
      context.secrets = secretsOf(client)
      throw fromSdkError(error, context, signal)
    }
  }
}

function secretsOf(client: OpenAILike): readonly string[] {
  return typeof client.apiKey === 'string' && client.apiKey !== '' ? [client.apiKey] : []
}

/**
 * Maps what the SDK throws by shape, not by class (the SDK is not imported, and a bundle may hold a
 * second copy of it). Its `APIUserAbortError` only ever follows an abort of the signal vidjob passed.
 */
function fromSdkError(error: unknown, context: RequestContext, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) return abortError(signal)
  if (error instanceof VideoClientError) return redactError(error, context.secrets ?? [])
  if (isSdkStatusError(error)) {
    return toApiError(context, { status: error.status, headers: error.headers, body: sdkErrorBody(error) })
  }
  if (error instanceof RangeError) return answerTooDeep(context, error)
  if (isSdkTimeout(error)) {
    return timeoutError(
      context,
      "by the openai client's timeout option (raise it if the server is just slow)",
      error,
    )
  }
  return networkError(context, error)
}

/**
 * The error body as the server sent it, as far as the SDK kept it: `error.error` is the envelope's
 * `error` member, or, from openai v7, the whole body when it has none (FastAPI's `{ detail }`).
 */
function sdkErrorBody(error: SdkStatusError): unknown {
  const inner = error.error
  if (inner === undefined || inner === null) return undefined
  const isDetail = typeof inner === 'object' && 'detail' in inner && !('message' in inner)
  return isDetail ? inner : { error: inner }
}

/**
 * The SDK overflowed the stack on an answer (it parses error bodies itself and stringifies them into its
 * message, which a deeply nested body cannot survive): the answer is at fault, not the network.
 */
function answerTooDeep(context: RequestContext, cause: RangeError): VideoValidationError {
  const problem = `the openai SDK failed on the answer (${cause.message})`
  const error = new VideoValidationError(
    `${context.request} to ${context.origin}: ${problem}. An answer nested this deep is no Videos API ` +
      'answer: check that baseURL points at one (createFetchTransport refuses such bodies before parsing).',
    [{ code: 'custom', path: [], message: problem, input: undefined }],
    undefined,
  )
  return redactError(error, context.secrets ?? [])
}

function isSdkStatusError(error: unknown): error is SdkStatusError {
  if (typeof error !== 'object' || error === null) return false
  const { status, headers } = error as { status?: unknown; headers?: unknown }
  return (
    typeof status === 'number' &&
    typeof headers === 'object' &&
    headers !== null &&
    typeof (headers as Partial<HeaderReader>).get === 'function'
  )
}

/** `APIConnectionTimeoutError`, by class name or, once a minifier renamed the class, by its fixed message. */
function isSdkTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return error.constructor.name === 'APIConnectionTimeoutError' || error.message === 'Request timed out.'
}

/** The SDK's request options with a `Range` header, when one is asked for. */
function withRange(sdk: OpenAIRequestOptionsLike, range: string | undefined): OpenAIRequestOptionsLike {
  return range === undefined ? sdk : { ...sdk, headers: { ...sdk.headers, range } }
}
