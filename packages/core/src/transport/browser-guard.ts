import { VideoClientError } from '../errors'

/**
 * Whether this code runs in a browser page: `window` and `window.document` exist. Deliberately not
 * `navigator` (Node 21+ and Deno have one) nor the absence of `process` (bundlers polyfill it).
 */
export function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof window.document !== 'undefined'
}

/** The options {@link assertApiKeyAllowed} looks at. */
export interface ApiKeyPolicy {
  /** A key, or a function that gives one: either way the page would hold a key. */
  apiKey?: unknown
  dangerouslyAllowBrowser?: boolean | undefined
}

/**
 * Refuses an API key in a browser page unless the caller opted in: every visitor could read it from the
 * bundle or the network panel and spend on the account. The message never contains the key.
 */
export function assertApiKeyAllowed(policy: ApiKeyPolicy): void {
  if (policy.apiKey === undefined || policy.dangerouslyAllowBrowser === true || !isBrowser()) return
  throw new VideoClientError(
    'createFetchTransport was given an apiKey while running in a browser: the key would be exposed to every ' +
      'visitor of the page, who could read it and use it on your account. Route requests through your own ' +
      "server or proxy that adds the key (e.g. baseURL: '/api/openai/v1') and omit apiKey here; or, if you " +
      'accept the risk (e.g. an internal tool whose users bring their own key), pass dangerouslyAllowBrowser: true.',
  )
}
