import type { ProxyOptions } from 'vite'

/**
 * The path the browser app calls; the dev/preview server forwards it to the upstream API root.
 *
 * @example createFetchTransport({ baseURL: API_PREFIX })
 */
export const API_PREFIX = '/api/videos/v1'

/**
 * The dev/preview proxy rule: `/api/videos/v1/...` → `<baseURL>/...` (its version prefix kept), with the
 * API key added here so it never reaches the browser.
 *
 * @example
 * defineConfig({ server: { proxy: { [API_PREFIX]: proxyRule('https://api.openai.com/v1', process.env.OPENAI_API_KEY) } } })
 */
export function proxyRule(baseURL: string, apiKey: string | undefined): ProxyOptions {
  const { origin, pathname } = new URL(baseURL)
  const basePath = pathname.replace(/\/+$/, '')
  return {
    target: origin,
    changeOrigin: true,
    rewrite: (path) => basePath + path.slice(API_PREFIX.length),
    ...(apiKey ? { headers: { authorization: `Bearer ${apiKey}` } } : {}),
  }
}
