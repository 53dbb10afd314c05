import { describe, expect, it } from 'vitest'
import { OPTIONS, parseCliArgs, UsageError, USAGE } from './args'

describe('parseCliArgs', () => {
  it('defaults to five mock jobs, colour decided by the terminal', () => {
    expect(parseCliArgs([], {})).toMatchObject({
      ids: [],
      jobs: 5,
      baseURL: undefined,
      failRate: 0.2,
      color: undefined,
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

  it('reads headers for a relay, and refuses a line that is no header', () => {
    const argv = ['--header', 'cookie: vidjob_demo_user=ann', '--header', 'x-trace:  1 ']
    expect(parseCliArgs(argv).headers).toEqual({ cookie: 'vidjob_demo_user=ann', 'x-trace': '1' })
    expect(parseCliArgs([]).headers).toEqual({})
    expect(() => parseCliArgs(['--header', 'no colon'])).toThrow(
      new UsageError("--header must be 'Name: value', got 'no colon'."),
    )
  })

  it('ignores the separator pnpm passes through', () => {
    expect(parseCliArgs(['--', '--jobs', '2', '--seed', '3'])).toMatchObject({ ids: [], jobs: 2, seed: 3 })
  })

  it('reads --color and --no-color', () => {
    expect(parseCliArgs(['--color']).color).toBe(true)
    expect(parseCliArgs(['--no-color']).color).toBe(false)
  })

  it('refuses values it cannot use with a UsageError and a message to show', () => {
    expect(() => parseCliArgs(['--jobs', '0'])).toThrow(
      new UsageError('--jobs must be an integer 1–50, got 0.'),
    )
    expect(() => parseCliArgs(['--fail-rate', '2'])).toThrow(/--fail-rate must be between 0 and 1/)
    expect(() => parseCliArgs(['--seed', 'abc'])).toThrow(/--seed must be a number/)
    expect(() => parseCliArgs(['--nope'])).toThrow(UsageError)
    expect(() => parseCliArgs(['--jobs'])).toThrow(UsageError)
  })
})

describe('USAGE', () => {
  it('documents every option the parser accepts, the environment and the exit codes', () => {
    for (const [name, option] of Object.entries(OPTIONS)) {
      expect(USAGE).toContain(`--${name}`)
      if ('short' in option) expect(USAGE).toContain(`-${option.short}, --${name}`)
    }
    for (const text of [
      '--no-color',
      'NO_COLOR',
      'FORCE_COLOR',
      'OPENAI_API_KEY',
      '0  every job completed',
      '2  the command line',
    ])
      expect(USAGE).toContain(text)
  })
})
