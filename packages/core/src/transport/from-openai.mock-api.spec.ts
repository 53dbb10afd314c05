import { createMockVideoApi } from '@vidjob/mock-api'
import OpenAIv6, { AzureOpenAI as AzureOpenAIv6 } from 'openai-v6'
import OpenAIv7, { AzureOpenAI as AzureOpenAIv7 } from 'openai-v7'
import { describe, expect, it } from 'vitest'
import { fromOpenAI } from './from-openai'
import { MOCK_BASE_URL, describeMockApiContract } from '../../test/mock-api-contract'
import { HOSTILE_BASE_URL, describeHostileServerContract } from '../../test/hostile-server-contract'
import { rejection } from '../../test/fetch-doubles'

/**
 * `fromOpenAI` is held to the shared contracts with each major of the `openai` peer range (`^6 || ^7`),
 * both installed under npm aliases, and with each one's `AzureOpenAI` against the mock's `azure` profile.
 */

const AZURE = 'https://my-resource.openai.azure.com/openai/v1'

const SDKS = [
  { major: 6, OpenAI: OpenAIv6, AzureOpenAI: AzureOpenAIv6 },
  { major: 7, OpenAI: OpenAIv7, AzureOpenAI: AzureOpenAIv7 },
] as const

for (const { major, OpenAI, AzureOpenAI } of SDKS) {
  describeMockApiContract(`fromOpenAI (openai@${major})`, (api, apiKey) =>
    fromOpenAI(new OpenAI({ apiKey, baseURL: MOCK_BASE_URL, fetch: api.fetch, maxRetries: 0 })),
  )

  describeMockApiContract(
    `fromOpenAI (openai@${major} AzureOpenAI)`,
    (api, apiKey) =>
      fromOpenAI(
        new AzureOpenAI({ apiKey, baseURL: AZURE, apiVersion: 'preview', fetch: api.fetch, maxRetries: 0 }),
      ),
    'azure',
  )

  describeHostileServerContract(`fromOpenAI (openai@${major})`, (fetch, apiKey) =>
    fromOpenAI(new OpenAI({ apiKey, baseURL: HOSTILE_BASE_URL, fetch, maxRetries: 0 })),
  )
}

describe('fromOpenAI against vLLM-Omni (a FastAPI server that takes only forms)', () => {
  const connect = (OpenAI: typeof OpenAIv6 | typeof OpenAIv7) => {
    const api = createMockVideoApi({ profile: 'vllm-omni', clock: 'manual', apiKey: 'k-0123' })
    const sdk = new OpenAI({ apiKey: 'k-0123', baseURL: MOCK_BASE_URL, fetch: api.fetch, maxRetries: 0 })
    return { api, transport: fromOpenAI(sdk) }
  }

  it.each(SDKS)('creates in one request with openai@$major, which sends forms', async ({ OpenAI }) => {
    const { api, transport } = connect(OpenAI)
    await transport.create({ prompt: 'A fox' })
    expect(api.log.filter((entry) => entry.endpoint === 'create').map((entry) => entry.status)).toEqual([200])
  })

  it('takes { detail } as the message with openai@7, which passes the body on; openai@6 drops it', async () => {
    const v7 = await rejection(connect(OpenAIv7).transport.retrieve('video_gen_missing'))
    expect(v7).toMatchObject({ name: 'VideoApiError', status: 404, message: 'Video not found' })
    const v6 = await rejection(connect(OpenAIv6).transport.retrieve('video_gen_missing'))
    expect(v6).toMatchObject({
      name: 'VideoApiError',
      status: 404,
      message: 'GET /videos/video_gen_missing answered 404 with no error body',
    })
  })
})
