import { afterEach, describe, expect, it } from 'vitest'
import type { MockServer } from './node-server'
import { runCli, type CliOutput } from './run-cli'

function capture(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = []
  const errors: string[] = []
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) }
}

const servers: MockServer[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

describe('runCli', () => {
  it('prints the usage for --help', async () => {
    const output = capture()
    expect(await runCli(['--help'], output)).toEqual({ exitCode: 0 })
    expect(output.lines.join('\n')).toMatch(/Usage: vidjob-mock-api[\s\S]*--fault-schema/)
  })

  it('starts a server with the options and faults, and prints its URL', async () => {
    const output = capture()
    const run = await runCli(['--port', '0', '--api-key', 'k', '--fault-500', '1'], output)
    if (!('server' in run)) throw new Error('expected a server')
    servers.push(run.server)
    expect(output.lines[0]).toBe(`vidjob mock Videos API listening on ${run.server.url}`)
    expect((await fetch(`${run.server.url}/videos`)).status).toBe(401)
    const faulted = await fetch(`${run.server.url}/videos`, { headers: { authorization: 'Bearer k' } })
    expect(faulted.status).toBe(500)
  })

  it('exits with 2 and says why for bad arguments or a taken port', async () => {
    const output = capture()
    expect(await runCli(['--fail-rate', '3'], output)).toEqual({ exitCode: 2 })
    expect(output.errors[0]).toMatch(/--fail-rate must be a probability/)
    const first = await runCli(['--port', '0'], capture())
    if (!('server' in first)) throw new Error('expected a server')
    servers.push(first.server)
    const taken = capture()
    expect(await runCli(['--port', new URL(first.server.url).port], taken)).toEqual({ exitCode: 2 })
    expect(taken.errors[0]).toMatch(/EADDRINUSE/)
  })

  it('serves the fault-control routes with --control and says where', async () => {
    const output = capture()
    const run = await runCli(['--port', '0', '--control'], output)
    if (!('server' in run)) throw new Error('expected a server')
    servers.push(run.server)
    const origin = new URL(run.server.url).origin
    expect(output.lines[2]).toBe(
      `Fault control: GET|POST ${origin}/__mock/faults, POST …/__mock/clear-faults`,
    )
    expect(await (await fetch(`${origin}/__mock/faults`)).json()).toEqual([])
  })

  it('imitates the profile from --profile or VIDJOB_MOCK_PROFILE and says what it changes', async () => {
    const output = capture()
    const run = await runCli(['--port', '0'], output, { VIDJOB_MOCK_PROFILE: 'new-api' })
    if (!('server' in run)) throw new Error('expected a server')
    servers.push(run.server)
    expect(output.lines.at(-1)).toBe(
      'Profile new-api: no GET /videos, no DELETE, content variants ignored, statuses queued/unknown/in_progress/completed/failed.',
    )
    expect((await fetch(`${run.server.url}/videos`)).status).toBe(404)
  })

  it('explains an unknown profile and exits with 2', async () => {
    const output = capture()
    expect(await runCli(['--profile', 'ollama'], output, {})).toEqual({ exitCode: 2 })
    expect(output.errors).toEqual([
      "vidjob-mock-api: --profile must be one of openai, litellm, new-api, vllm-omni, azure; got 'ollama'.",
      'Run vidjob-mock-api --help for the options.',
    ])
  })
})
