import { createMockVideoApi } from '@vidjob/mock-api'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFetchTransport } from './fetch-transport'
import {
  MOCK_API_KEY,
  MOCK_BASE_URL,
  createContractMockApi,
  describeMockApiContract,
} from '../../test/mock-api-contract'
import { rejection } from '../../test/fetch-doubles'

describeMockApiContract('createFetchTransport', (api, apiKey) =>
  createFetchTransport({ baseURL: MOCK_BASE_URL, apiKey, fetch: api.fetch }),
)

describeMockApiContract(
  'createFetchTransport (Azure: defaultQuery and the api-key header)',
  (api, apiKey) =>
    createFetchTransport({
      baseURL: 'https://my-resource.openai.azure.com/openai/v1',
      headers: { 'api-key': apiKey },
      defaultQuery: { 'api-version': 'preview' },
      fetch: api.fetch,
    }),
  'azure',
)

describe('createFetchTransport against @vidjob/mock-api', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends only the defined list params', async () => {
    const api = createContractMockApi()
    const transport = createFetchTransport({ baseURL: MOCK_BASE_URL, apiKey: MOCK_API_KEY, fetch: api.fetch })
    await transport.list({ limit: 5, order: undefined, after: undefined })
    expect(api.log.at(-1)?.query).toEqual({ limit: '5' })
  })

  it('gets 401 without the key, with a message that tells how to send it', async () => {
    const api = createContractMockApi()
    const transport = createFetchTransport({ baseURL: MOCK_BASE_URL, fetch: api.fetch })
    const error = await rejection(transport.list({}))
    expect(error).toMatchObject({ name: 'VideoApiError', status: 401, code: 'invalid_api_key' })
    expect(error.message).toMatch(/Authorization: Bearer/)
  })

  it('times out a slow answer, aborting the request the server is working on', async () => {
    vi.useFakeTimers()
    const api = createMockVideoApi({ clock: 'manual' })
    api.faults.next({ type: 'latency', ms: 60_000 })
    const transport = createFetchTransport({ baseURL: MOCK_BASE_URL, fetch: api.fetch, timeoutMs: 1_000 })
    const pending = rejection(transport.list({}))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await pending).toMatchObject({ name: 'VideoNetworkError', timedOut: true })
    expect(api.log.at(-1)?.status).toBe('aborted')
    expect(vi.getTimerCount()).toBe(0)
  })
})
