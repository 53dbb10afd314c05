import OpenAI from 'openai'
import { createFetchTransport } from './fetch-transport'
import { fromOpenAI } from './from-openai'
import { HOSTILE_BASE_URL, describeHostileServerContract } from '../../test/hostile-server-contract'

describeHostileServerContract('createFetchTransport', (fetch, apiKey) =>
  createFetchTransport({ baseURL: HOSTILE_BASE_URL, apiKey, fetch }),
)

describeHostileServerContract('fromOpenAI', (fetch, apiKey) =>
  fromOpenAI(new OpenAI({ apiKey, baseURL: HOSTILE_BASE_URL, fetch, maxRetries: 0 })),
)
