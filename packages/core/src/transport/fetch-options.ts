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

const ENCODINGS: readonly unknown[] = ['auto', 'multipart', 'json']

/** Checks the options that need no request, refusing a wrong one with a {@link VideoConfigError}. */
export function checkOptions(options: FetchTransportOptions): FetchTransportSetup {
  const { timeoutMs, maxBodyBytes, defaultQuery = {}, createEncoding = 'auto', normalize } = options
  const badQuery = Object.entries(defaultQuery).find(([, value]) => typeof value !== 'string')
  if (badQuery !== undefined) {
    throw invalid(
      'defaultQuery',
      `defaultQuery['${badQuery[0]}'] must be a string (got ${typeof badQuery[1]})`,
    )
  }
  if (!ENCODINGS.includes(createEncoding)) {
    throw invalid(
      'createEncoding',
      `createEncoding must be 'auto', 'multipart' or 'json' (got ${String(createEncoding)})`,
    )
  }
  if (normalize !== undefined && typeof normalize !== 'function') {
    throw invalid('normalize', `normalize must be a function (got ${typeof normalize})`)
  }
  return {
    root: checkedBaseURL(options.baseURL).replace(/\/+$/, ''),
    timeoutMs: positive('timeoutMs', timeoutMs, 'milliseconds; omit it to wait as long as the server takes'),
    maxBodyBytes:
      positive('maxBodyBytes', maxBodyBytes, 'bytes; omit it for 16 MiB') ?? DEFAULT_MAX_BODY_BYTES,
    defaultQuery: { ...defaultQuery },
    createEncoding,
    normalize,
  }
}

function checkedBaseURL(baseURL: unknown): string {
  if (typeof baseURL !== 'string' || baseURL === '') {
    throw invalid(
      'baseURL',
      "createFetchTransport needs a baseURL including any version prefix, e.g. 'https://api.openai.com/v1', " +
        "'http://localhost:4010/v1' or '/api/openai/v1' for a same-origin proxy",
    )
  }
  const queryAt = baseURL.search(/[?#]/)
  if (queryAt === -1) return baseURL
  // Name the parameters, never their values: a query may carry a key or a signature.
  const names = [...new URLSearchParams(baseURL.slice(queryAt + 1).split('#')[0]).keys()]
  const example = (names.length === 0 ? ['api-version'] : names).map((name) => `'${name}': '...'`).join(', ')
  throw invalid(
    'baseURL',
    'baseURL must not carry a query string or fragment: the transport appends /videos... to it. Move the ' +
      `query to defaultQuery, e.g. { baseURL: '${baseURL.slice(0, queryAt)}', defaultQuery: { ${example} } }`,
  )
}

function positive(option: string, value: number | undefined, unit: string): number | undefined {
  if (value === undefined || (Number.isFinite(value) && value > 0)) return value
  throw invalid(option, `${option} must be a positive number of ${unit} (got ${String(value)})`)
}

function invalid(option: string, problem: string): VideoConfigError {
  const prefix = problem.startsWith('createFetchTransport') ? '' : 'createFetchTransport: '
  return new VideoConfigError(option, `${prefix}${problem}.`)
}
