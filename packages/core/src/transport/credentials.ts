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
const SECRET_QUERY = /key|token|secret|sig|password|auth/i
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
  const querySecrets = Object.keys(defaultQuery)
    .filter((name) => SECRET_QUERY.test(name))
    .map((name) => defaultQuery[name]!)
  if (typeof apiKey !== 'function' && typeof headers !== 'function') {
    const fixed = build(apiKey, headers, querySecrets, '')
    return () => fixed
  }
  return async (request) =>
    build(
      await resolve('apiKey', apiKey, request),
      await resolve('headers', headers, request),
      querySecrets,
      request,
    )
}

function build(
  apiKey: string | undefined,
  extra: Record<string, string> | undefined,
  secrets: readonly string[],
  request: string,
): Credentials {
  const headers = new Headers()
  const all = [...secrets]
  const set = (option: string, name: string, value: string): void => {
    try {
      headers.set(name, value)
    } catch {
      // The platform's message quotes the offending value, which may be the key: do not pass it on.
      const what = option === 'apiKey' ? option : `headers['${name}']`
      throw fault(
        option,
        `${what} holds a value that cannot be sent as an HTTP header (a line break or control character, often from an env file)`,
        request,
      )
    }
  }
  if (apiKey) {
    set('apiKey', 'authorization', `Bearer ${apiKey}`)
    all.push(apiKey)
  }
  for (const [name, value] of Object.entries(extra ?? {})) {
    set('headers', name, value)
    if (SECRET_HEADER.test(name)) all.push(value, AUTH_SCHEME.exec(value.trim())?.[1] ?? '')
  }
  return { headers, secrets: all.filter((secret) => secret.trim() !== '') }
}

/** The value of an option, calling it when it is a function and checking what it gives. */
async function resolve<T>(
  option: string,
  value: PerRequest<T> | undefined,
  request: string,
): Promise<T | undefined> {
  if (typeof value !== 'function') return value
  let given: unknown
  try {
    given = await (value as () => unknown)()
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error
    throw fault(option, `the ${option} function threw (${name}; its error is the cause)`, request, error)
  }
  const problem = option === 'apiKey' ? keyProblem(given) : headersProblem(given)
  if (problem === undefined) return given as T | undefined
  throw fault(option, `the ${option} function gave ${problem}`, request)
}

function keyProblem(key: unknown): string | undefined {
  return key === undefined || typeof key === 'string'
    ? undefined
    : `${describe(key)}, not a string ('' for none)`
}

function headersProblem(headers: unknown): string | undefined {
  if (headers === undefined) return undefined
  if (describe(headers) !== 'an object') return `${describe(headers)}, not an object of strings`
  const bad = Object.entries(headers as object).find(([, value]) => typeof value !== 'string')
  return bad && `${describe(bad[1])} for '${bad[0]}', not a string`
}

/** The type of a value, never the value (it may be a credential). */
function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value === null ? null : typeof value)
  return Array.isArray(value) ? 'an array' : 'an object'
}

function fault(option: string, problem: string, request: string, cause?: unknown): VideoConfigError {
  const when = request === '' ? '' : ` while preparing ${request}; nothing was sent`
  return new VideoConfigError(
    option,
    `createFetchTransport: ${problem}${when}. Check how ${option} is given (it is never quoted here).`,
    { cause },
  )
}
