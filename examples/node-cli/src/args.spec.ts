import { describe, expect, it } from 'vitest'
import { parseCliArgs } from './args'

describe('parseCliArgs', () => {
  it('defaults to five mock jobs', () => {
    expect(parseCliArgs([], {})).toMatchObject({
      ids: [],
      jobs: 5,
      baseURL: undefined,
      failRate: 0.2,
      help: false,
    })
  })

  it('reads ids, a base URL and the key from the environment', () => {
    const options = parseCliArgs(['--base-url', 'http://localhost:4010/v1', 'video_a', 'video_b'], {
      OPENAI_API_KEY: 'sk-test',
    })
    expect(options).toMatchObject({
      ids: ['video_a', 'video_b'],
      baseURL: 'http://localhost:4010/v1',
      apiKey: 'sk-test',
    })
  })

  it('ignores the separator pnpm passes through', () => {
    expect(parseCliArgs(['--', '--jobs', '2', '--seed', '3'])).toMatchObject({ ids: [], jobs: 2, seed: 3 })
  })

  it('refuses values it cannot use, with a message to show', () => {
    expect(() => parseCliArgs(['--jobs', '0'])).toThrow(/--jobs must be an integer 1–50/)
    expect(() => parseCliArgs(['--fail-rate', '2'])).toThrow(/--fail-rate must be between 0 and 1/)
    expect(() => parseCliArgs(['--seed', 'abc'])).toThrow(/--seed must be a number/)
    expect(() => parseCliArgs(['--nope'])).toThrow()
  })
})
