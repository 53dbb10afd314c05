import { describe, expect, it } from 'vitest'
import { readDemoEnv } from './demo-env'

describe('readDemoEnv', () => {
  it('forwards to a compatible server with its key when VIDJOB_BASE_URL is set', () => {
    expect(
      readDemoEnv({ VIDJOB_BASE_URL: ' https://api.example.com/v1 ', OPENAI_API_KEY: 'sk-test' }),
    ).toEqual({
      kind: 'remote',
      baseURL: 'https://api.example.com/v1',
      apiKey: 'sk-test',
      relay: { storePath: '.vidjob/relay.db', adopt: false },
    })
    expect(readDemoEnv({ VIDJOB_BASE_URL: 'http://127.0.0.1:4010/v1', OPENAI_API_KEY: '' })).toMatchObject({
      apiKey: undefined,
    })
  })

  it('reads the relay store and adoption, with a fresh store in front of the mock', () => {
    expect(readDemoEnv({}).relay).toEqual({ storePath: ':memory:', adopt: true })
    const remote = readDemoEnv({
      VIDJOB_BASE_URL: 'http://x/v1',
      VIDJOB_RELAY_DB: '/tmp/r.db',
      VIDJOB_DEMO_ADOPT: '1',
    })
    expect(remote.relay).toEqual({ storePath: '/tmp/r.db', adopt: true })
    expect(readDemoEnv({ VIDJOB_DEMO_ADOPT: '0' }).relay.adopt).toBe(false)
  })

  it('refuses a base URL that is not absolute http(s)', () => {
    expect(() => readDemoEnv({ VIDJOB_BASE_URL: '/v1' })).toThrow(/absolute URL/)
    expect(() => readDemoEnv({ VIDJOB_BASE_URL: 'ftp://example.com/v1' })).toThrow(/http or https/)
  })

  it('runs the mock at a demo pace with demo jobs by default', () => {
    const config = readDemoEnv({})
    if (config.kind !== 'mock') throw new Error('expected the mock')
    expect(config.mock).toMatchObject({ latencyMs: [30, 150], queueMs: 1_500, failRate: 0.1 })
    const renderMs = config.mock.renderMs
    if (typeof renderMs !== 'function') throw new Error('expected a render time per job')
    const job = { id: 'video_1', model: 'sora-2', seconds: '4', size: '720x1280' }
    expect([renderMs(job, () => 0), renderMs(job, () => 0.999)]).toEqual([10_000, expect.closeTo(17_992, 0)])
    expect(config.seedDemoJobs).toBe(true)
  })

  it('takes the mock pace and an empty start from the environment', () => {
    expect(
      readDemoEnv({
        VIDJOB_MOCK_QUEUE_MS: '500',
        VIDJOB_MOCK_RENDER_MS: '3000',
        VIDJOB_MOCK_FAIL_RATE: '0',
        VIDJOB_MOCK_DEMO_JOBS: '0',
      }),
    ).toMatchObject({
      kind: 'mock',
      mock: { queueMs: 500, renderMs: 3_000, failRate: 0 },
      seedDemoJobs: false,
    })
  })

  it('names the variable that holds a bad number', () => {
    expect(() => readDemoEnv({ VIDJOB_MOCK_RENDER_MS: 'fast' })).toThrow(
      "VIDJOB_MOCK_RENDER_MS must be a number >= 0, got 'fast'.",
    )
  })
})
