import { createFetchTransport } from './fetch-transport'
import { HOSTILE_BASE_URL, describeHostileServerContract } from '../../test/hostile-server-contract'

describeHostileServerContract('createFetchTransport', (fetch, apiKey) =>
  createFetchTransport({ baseURL: HOSTILE_BASE_URL, apiKey, fetch }),
)
