import { VideoConfigError } from '../errors'
import type { PerRequest } from './fetch-options'

/**
 * The per-request part of the fetch transport's options: `apiKey` and `headers`, each a value or a
 * function (sync or async) called before every request, turned into headers, plus the secrets to scrub
 * from everything built from the answer. Static values are checked once, at setup.
 */

/** The headers to send and the values that must never appear in an error or a body. */
export interface Credentials {
  headers: Headers
  secrets: readonly string[]
}

/** Gives the credentials of one request; `request` (e.g. `GET /videos/abc`) is named in errors. */
export type CredentialSource = (request: string) => Credentials | Promise<Credentials>

/** Header names whose values are credentials, and query parameter names that usually are. */
const SECRET_HEADER = /authorization|api-?key|token|secret|cookie|signature/i
const SECRET_QUERY = /key|token|secret|sig|signature|password|auth/i
/** `Bearer <token>`, `Basic <token>`...: the token is redacted on its own too. */
const AUTH_SCHEME = /^[A-Za-z][\w-]*\s+(\S.*)$/

/**
 * Resolves `apiKey` and `headers` into a {@link CredentialSource}. Static values that `fetch` would refuse
 * throw here, at setup; a function's failure rejects the request with a {@link VideoConfigError} naming the
 * option, never its value.
 */
export function createCredentials(
  apiKey: PerRequest<string> | undefined,
  headers: PerRequest<Record<string, string>> | undefined,
  defaultQuery: Readonly<Record<string, string>>,
): CredentialSource {
  const querySecrets = Object.entries(defaultQuery)
    .filter(([name]) => SECRET_QUERY.test(name))
    .map(([, value]) => value)
  if (typeof apiKey !== 'function' && typeof headers !== 'function') {
    const fixed = build(apiKey, headers, querySecrets, 'setup')
    return () => fixed
  }
  return async (request) => {
    const key = typeof apiKey === 'function' ? await called('apiKey', apiKey, request) : apiKey
    const extra = typeof headers === 'function' ? await called('headers', headers, request) : headers
    return build(checkedKey(key, request), checkedHeaders(extra, request), querySecrets, request)
  }
}

function build(
  apiKey: string | undefined,
  extra: Record<string, string> | undefined,
  querySecrets: readonly string[],
  request: string,
): Credentials {
  const headers = new Headers()
  const secrets = [...querySecrets]
  if (apiKey !== undefined && apiKey !== '') {
    set(headers, 'authorization', `Bearer ${apiKey}`, 'apiKey', request)
    secrets.push(apiKey)
  }
  for (const [name, value] of Object.entries(extra ?? {})) {
    set(headers, name, value, 'headers', request)
    if (SECRET_HEADER.test(name)) secrets.push(value, AUTH_SCHEME.exec(value.trim())?.[1] ?? '')
  }
  return { headers, secrets: secrets.filter((secret) => secret.trim() !== '') }
}

function set(headers: Headers, name: string, value: string, option: string, request: string): void {
  try {
    headers.set(name, value)
  } catch {
    // The platform's message quotes the offending value, which may be the key: do not pass it on.
    const what = option === 'apiKey' ? 'apiKey holds a value' : `headers['${name}'] holds a value`
    throw new VideoConfigError(
      option,
      `createFetchTransport: ${what} that cannot be sent as an HTTP header (a line break or control ` +
        `character, often from an env file)${when(request)}. Check how it is loaded.`,
    )
  }
}

async function called<T>(option: string, get: () => T | Promise<T>, request: string): Promise<T> {
  try {
    return await get()
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error
    throw new VideoConfigError(
      option,
      `createFetchTransport: the ${option} function threw (${name}) while preparing ${request}; nothing was ` +
        `sent. It is called before every request: check that it can get its value (its error is the cause).`,
      { cause: error },
    )
  }
}

function checkedKey(key: unknown, request: string): string | undefined {
  if (key === undefined || typeof key === 'string') return key
  throw new VideoConfigError(
    'apiKey',
    `createFetchTransport: the apiKey function gave ${describe(key)} instead of a string while preparing ` +
      `${request}; nothing was sent. Return the key, or '' for none.`,
  )
}

function checkedHeaders(headers: unknown, request: string): Record<string, string> | undefined {
  const isRecord = typeof headers === 'object' && headers !== null && !Array.isArray(headers)
  const bad = isRecord ? Object.entries(headers).find(([, value]) => typeof value !== 'string') : undefined
  if (headers === undefined || (isRecord && bad === undefined)) return headers as Record<string, string>
  const what = bad === undefined ? describe(headers) : `${describe(bad[1])} for '${bad[0]}'`
  throw new VideoConfigError(
    'headers',
    `createFetchTransport: the headers function gave ${what} while preparing ${request}; nothing was sent. ` +
      "Return an object of strings, e.g. { 'api-key': key }.",
  )
}

/** The type of a value, never the value (it may be a credential). */
function describe(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value
}

function when(request: string): string {
  return request === 'setup' ? '' : ` (given for ${request}; nothing was sent)`
}
