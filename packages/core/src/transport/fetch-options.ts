import { VideoConfigError } from '../errors'
import { DEFAULT_MAX_BODY_BYTES } from './body'
import type { NormalizeBody } from './types'

/** A value, or a function (sync or async) that gives it, called before every request. */
export type PerRequest<T> = T | (() => T | Promise<T>)

/**
 * How `create` sends its params: `'auto'` (JSON, multipart when there is a file, and multipart from then on
 * once a JSON create was refused with 415/422), `'multipart'` (always form data, as the official SDK and
 * vLLM-Omni), or `'json'` (always JSON; a file is then refused before sending).
 */
export type CreateEncoding = 'auto' | 'multipart' | 'json'

/** Options of `createFetchTransport`. */
export interface FetchTransportOptions {
  /**
   * The API root including any version prefix, as in the openai SDK: `https://api.openai.com/v1`,
   * `http://localhost:4010/v1`, or `/api/openai/v1` for a same-origin proxy. Trailing slashes are ignored;
   * the transport appends `/videos...`. A query string is refused: pass it as `defaultQuery`.
   */
  baseURL: string
  /**
   * Sent as `Authorization: Bearer <apiKey>`, only to `baseURL` (a redirect to another origin drops it,
   * as the Fetch standard requires). May be a function (sync or async) called before every request, for
   * rotating tokens; `''` means no key. Refused in a browser unless `dangerouslyAllowBrowser` is set.
   */
  apiKey?: PerRequest<string> | undefined
  /** The `fetch` to use (defaults to the global one, looked up at each request). */
  fetch?: typeof fetch | undefined
  /**
   * Extra headers for every request (e.g. `OpenAI-Organization`, Azure's `api-key`, a proxy's auth); they
   * override defaults. May be a function (sync or async) called before every request.
   */
  headers?: PerRequest<Record<string, string>> | undefined
  /**
   * Query parameters added to every request, content downloads included, e.g. Azure's
   * `{ 'api-version': 'preview' }`. A request's own parameter of the same name wins.
   */
  defaultQuery?: Record<string, string> | undefined
  /** How `create` sends its params (default `'auto'`); see {@link CreateEncoding}. */
  createEncoding?: CreateEncoding | undefined
  /**
   * Rewrites every 2xx JSON body before it is returned, told which endpoint answered: for a server whose
   * shapes no built-in normalization covers. The client still validates what it returns.
   */
  normalize?: NormalizeBody | undefined
  /**
   * The most bytes of a JSON answer to read (default 16 MiB); a larger one is cut off and reported.
   * Content downloads are not bounded here: their bytes are streamed to the caller.
   */
  maxBodyBytes?: number | undefined
  /**
   * Abandon a request after this many milliseconds with a `VideoNetworkError` (`timedOut: true`): until the
   * JSON body is read, or, for `downloadContent`, until the response headers arrive (the bytes are yours).
   */
  timeoutMs?: number | undefined
  /** Allow `apiKey` in a browser page, where every visitor can read it. Prefer a server-side proxy. */
  dangerouslyAllowBrowser?: boolean | undefined
}

/** The options, checked once when the transport is created. */
export interface FetchTransportSetup {
  /** `baseURL` without its trailing slashes. */
  root: string
  timeoutMs: number | undefined
  maxBodyBytes: number
  defaultQuery: Readonly<Record<string, string>>
  createEncoding: CreateEncoding
  normalize: NormalizeBody | undefined
}

const ENCODINGS: readonly CreateEncoding[] = ['auto', 'multipart', 'json']

/** Checks the options that need no request, refusing a wrong one with a {@link VideoConfigError}. */
export function checkOptions(options: FetchTransportOptions): FetchTransportSetup {
  return {
    root: checkedBaseURL(options.baseURL).replace(/\/+$/, ''),
    timeoutMs: checkedPositive('timeoutMs', options.timeoutMs, 'omit it to wait as long as the server takes'),
    maxBodyBytes:
      checkedPositive('maxBodyBytes', options.maxBodyBytes, 'omit it for the 16 MiB default') ??
      DEFAULT_MAX_BODY_BYTES,
    defaultQuery: checkedQuery(options.defaultQuery),
    createEncoding: checkedEncoding(options.createEncoding),
    normalize: checkedFunction('normalize', options.normalize),
  }
}

function checkedBaseURL(baseURL: unknown): string {
  if (typeof baseURL !== 'string' || baseURL === '') {
    throw new VideoConfigError(
      'baseURL',
      "createFetchTransport needs a baseURL including any version prefix, e.g. 'https://api.openai.com/v1', " +
        "'http://localhost:4010/v1' or '/api/openai/v1' for a same-origin proxy.",
    )
  }
  const queryAt = baseURL.search(/[?#]/)
  if (queryAt === -1) return baseURL
  // Name the parameters, never their values: a query may carry a key or a signature.
  const names = [...new URLSearchParams(baseURL.slice(queryAt + 1).split('#')[0]).keys()]
  const example = names.length === 0 ? "'api-version': '...'" : names.map((n) => `'${n}': '...'`).join(', ')
  throw new VideoConfigError(
    'baseURL',
    'createFetchTransport: baseURL must not carry a query string or fragment: the transport appends ' +
      '/videos... to it, so the query would end up in the middle of every URL. Move it to defaultQuery, ' +
      `e.g. createFetchTransport({ baseURL: '${baseURL.slice(0, queryAt)}', defaultQuery: { ${example} } }).`,
  )
}

function checkedPositive(option: string, value: number | undefined, omit: string): number | undefined {
  if (value === undefined || (Number.isFinite(value) && value > 0)) return value
  const unit = option === 'timeoutMs' ? 'milliseconds' : 'bytes'
  throw new VideoConfigError(
    option,
    `createFetchTransport: ${option} must be a positive number of ${unit} (got ${String(value)}); ${omit}.`,
  )
}

function checkedQuery(query: unknown): Readonly<Record<string, string>> {
  if (query === undefined) return {}
  if (typeof query !== 'object' || query === null || Array.isArray(query)) {
    throw new VideoConfigError(
      'defaultQuery',
      "createFetchTransport: defaultQuery must be an object of strings, e.g. { 'api-version': 'preview' }.",
    )
  }
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string') continue
    throw new VideoConfigError(
      'defaultQuery',
      `createFetchTransport: defaultQuery['${name}'] must be a string (got ${typeof value}).`,
    )
  }
  return { ...(query as Record<string, string>) }
}

function checkedEncoding(encoding: unknown): CreateEncoding {
  if (encoding === undefined) return 'auto'
  if (ENCODINGS.includes(encoding as CreateEncoding)) return encoding as CreateEncoding
  throw new VideoConfigError(
    'createEncoding',
    `createFetchTransport: createEncoding must be 'auto', 'multipart' or 'json' (got ${JSON.stringify(encoding)}).`,
  )
}

function checkedFunction<F>(option: string, value: F | undefined): F | undefined {
  if (value === undefined || typeof value === 'function') return value
  throw new VideoConfigError(
    option,
    `createFetchTransport: ${option} must be a function (got ${typeof value}).`,
  )
}
