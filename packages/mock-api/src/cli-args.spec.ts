import { describe, expect, it } from 'vitest'
import { CliArgsError, parseCliArgs } from './cli-args'

describe('parseCliArgs', () => {
  it('defaults to port 4010 on 127.0.0.1 with no options and no faults', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'serve', port: 4010, host: '127.0.0.1', api: {}, faults: [] })
  })

  it('asks for help with --help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' })
    expect(parseCliArgs(['--port', '1', '--help'])).toEqual({ kind: 'help' })
  })

  it('maps every API option', () => {
    const command = parseCliArgs([
      '--port=0',
      '--host',
      '0.0.0.0',
      '--latency',
      '150',
      '--queue-ms',
      '500',
      '--render-ms',
      '8000',
      '--fail-rate',
      '0.1',
      '--seed',
      '42',
      '--api-key',
      'sk-local',
      '--poll-after-ms',
      '1000',
    ])
    expect(command).toEqual({
      kind: 'serve',
      port: 0,
      host: '0.0.0.0',
      api: {
        latencyMs: 150,
        queueMs: 500,
        renderMs: 8_000,
        failRate: 0.1,
        seed: 42,
        apiKey: 'sk-local',
        pollAfterMs: 1_000,
      },
      faults: [],
    })
  })

  it('reads a latency range as min-max', () => {
    expect(parseCliArgs(['--latency', '100-300'])).toMatchObject({ api: { latencyMs: [100, 300] } })
  })

  it('turns fault probabilities into seeded rules, 429s carrying --retry-after-ms', () => {
    const command = parseCliArgs([
      '--fault-500',
      '0.1',
      '--fault-429',
      '0.05',
      '--retry-after-ms',
      '1500',
      '--fault-drop',
      '0.01',
      '--fault-malformed',
      '0.02',
      '--fault-schema',
      '0.03',
    ])
    expect(command).toMatchObject({
      faults: [
        { fault: { type: 'error', status: 500 }, probability: 0.1 },
        { fault: { type: 'rate-limit', retryAfterMs: 1_500 }, probability: 0.05 },
        { fault: { type: 'drop' }, probability: 0.01 },
        { fault: { type: 'malformed' }, probability: 0.02 },
        { fault: { type: 'schema' }, probability: 0.03 },
      ],
    })
    expect(parseCliArgs(['--fault-429', '1'])).toMatchObject({
      faults: [{ fault: { type: 'rate-limit', retryAfterMs: 2_000 } }],
    })
  })

  it('refuses unknown options and bad values with a message naming the argument', () => {
    const cases: [string[], RegExp][] = [
      [['--nope'], /nope/],
      [['--port', 'http'], /--port must be an integer from 0 to 65535/],
      [['--port', '70000'], /--port/],
      [['--port', ''], /--port/],
      [['--fail-rate', '2'], /--fail-rate must be a probability/],
      [['--fault-500', 'often'], /--fault-500/],
      [['--queue-ms=-1'], /--queue-ms must be a number of ms >= 0/],
      [['--latency', '300-100'], /min <= max/],
      [['--seed', '1.5'], /--seed/],
      [['extra'], /extra/],
    ]
    for (const [argv, message] of cases) {
      expect(() => parseCliArgs(argv)).toThrow(CliArgsError)
      expect(() => parseCliArgs(argv)).toThrow(message)
    }
  })

  it('maps the after-the-work and reorder faults', () => {
    expect(
      parseCliArgs(['--fault-after-work', '0.1', '--fault-reorder', '0.2', '--reorder-ms', '300']),
    ).toMatchObject({
      faults: [
        { fault: { type: 'error', status: 503, after: 'work' }, probability: 0.1 },
        { fault: { type: 'reorder', ms: 300 }, probability: 0.2 },
      ],
    })
    expect(parseCliArgs(['--fault-reorder', '1'])).toMatchObject({
      faults: [{ fault: { type: 'reorder', ms: 1_000 } }],
    })
    expect(() => parseCliArgs(['--reorder-ms', '-5'])).toThrow(/--reorder-ms/)
  })

  it('mounts the fault-control routes only with --control', () => {
    expect(parseCliArgs(['--control'])).toMatchObject({ kind: 'serve', control: true })
    expect(parseCliArgs([])).not.toHaveProperty('control')
  })

  it('takes the profile from --profile, else from VIDJOB_MOCK_PROFILE, refusing unknown names', () => {
    expect(parseCliArgs(['--profile', 'vllm-omni'])).toMatchObject({ api: { profile: 'vllm-omni' } })
    expect(parseCliArgs([], { VIDJOB_MOCK_PROFILE: 'azure' })).toMatchObject({ api: { profile: 'azure' } })
    expect(parseCliArgs(['--profile=litellm'], { VIDJOB_MOCK_PROFILE: 'azure' })).toMatchObject({
      api: { profile: 'litellm' },
    })
    expect(parseCliArgs([], { VIDJOB_MOCK_PROFILE: ' ' })).toMatchObject({ api: {} })
    expect(() => parseCliArgs(['--profile', 'vllm'])).toThrow(
      "--profile must be one of openai, litellm, new-api, vllm-omni, azure; got 'vllm'.",
    )
    expect(() => parseCliArgs([], { VIDJOB_MOCK_PROFILE: 'LiteLLM' })).toThrow(
      /^VIDJOB_MOCK_PROFILE must be one of openai, litellm/,
    )
  })
})
