import OpenAI from 'openai'
import { fromOpenAI } from './from-openai'
import { MOCK_BASE_URL, describeMockApiContract } from '../../test/mock-api-contract'

describeMockApiContract('fromOpenAI (openai SDK)', (api, apiKey) =>
  fromOpenAI(new OpenAI({ apiKey, baseURL: MOCK_BASE_URL, fetch: api.fetch, maxRetries: 0 })),
)
