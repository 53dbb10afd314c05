import type { MockProfileName } from '@vidjob/mock-api'
import type { FetchTransportOptions } from '../src/transport/fetch-options'

/** Every server profile of the mock: the journeys and property tests run against each. */
export const PROFILES = [
  'openai',
  'litellm',
  'new-api',
  'vllm-omni',
  'azure',
] as const satisfies readonly MockProfileName[]

/**
 * The transport options docs/servers.md gives for each server: Azure wants `api-version` on every
 * request. vLLM-Omni takes forms only: `declare` sends them from the start, otherwise the default
 * `createEncoding: 'auto'` learns it from the first refused JSON create.
 */
export function transportFor(
  profile: MockProfileName,
  { declare = false } = {},
): Omit<FetchTransportOptions, 'baseURL' | 'fetch'> {
  if (profile === 'azure') return { defaultQuery: { 'api-version': 'preview' } }
  return profile === 'vllm-omni' && declare ? { createEncoding: 'multipart' } : {}
}
