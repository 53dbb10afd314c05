#!/usr/bin/env -S npx tsx
import { createFetchTransport, createVideoClient, type VideoJobState } from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { combineLatest } from 'rxjs'
import { parseCliArgs, USAGE, type CliOptions } from './args'
import { renderJobLine, renderSummary } from './render'

const PROMPTS = [
  'A calico cat playing a grand piano on stage, warm spotlight',
  'Paper boats racing down a rainy street gutter, macro lens',
  'A lighthouse at dusk as a storm rolls in, cinematic',
  'Time-lapse of a city skyline from day to night',
  'A corgi surfing a small wave at sunrise',
  'Origami cranes taking flight from an open book',
  'A steaming bowl of ramen, slow dolly-in',
  'Northern lights over a frozen lake, stars turning',
]

/** Counts HTTP requests so the summary can show how few the shared poller needed. */
function countingFetch(inner: typeof fetch): { fetch: typeof fetch; count: () => number } {
  let count = 0
  return {
    fetch: (input, init) => {
      count++
      return inner(input, init)
    },
    count: () => count,
  }
}

async function connect(options: CliOptions) {
  if (options.baseURL) {
    const counter = countingFetch(globalThis.fetch)
    const transport = createFetchTransport({
      baseURL: options.baseURL,
      apiKey: options.apiKey,
      fetch: counter.fetch,
    })
    return { transport, counter, close: async () => undefined }
  }
  const api = createMockVideoApi({
    seed: options.seed,
    failRate: options.failRate,
    latencyMs: [40, 160],
    queueMs: 1_500,
    renderMs: (_job, random) => 6_000 + Math.round(random() * 10_000),
  })
  const server = await api.listen(0)
  const counter = countingFetch(globalThis.fetch)
  const transport = createFetchTransport({ baseURL: server.url, fetch: counter.fetch })
  return { transport, counter, close: () => server.close() }
}

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2), process.env)
  if (options.help) return void console.log(USAGE)
  const { transport, counter, close } = await connect(options)
  const client = createVideoClient({ transport })
  const where = options.baseURL ?? 'the embedded mock API'
  const ids =
    options.ids.length > 0
      ? options.ids
      : await Promise.all(
          Array.from({ length: options.jobs }, (_, i) =>
            client.create({ prompt: PROMPTS[i % PROMPTS.length] as string, seconds: '8' }).then((v) => v.id),
          ),
        )
  console.log(`Tracking ${ids.length} video jobs on ${where}…\n`)
  const startedAt = Date.now()
  const finishedAt = new Map<string, number>()
  const live = process.stdout.isTTY === true
  let drawn = 0
  let lastPrinted = ''

  const draw = (states: readonly VideoJobState[]): void => {
    const lines = states.map(renderJobLine)
    if (live) {
      if (drawn > 0) process.stdout.write(`\x1b[${drawn}A`)
      process.stdout.write(lines.map((line) => `\x1b[2K${line}`).join('\n') + '\n')
      drawn = lines.length
      return
    }
    // Not a terminal (CI, a pipe): print only when a job changes status, to keep logs readable.
    const statuses = states.map((s) => `${s.id}:${s.status}:${s.error?.name ?? ''}`).join(',')
    if (statuses !== lastPrinted) console.log(lines.join('\n') + '\n')
    lastPrinted = statuses
  }

  await new Promise<void>((resolve) => {
    const subscription = combineLatest(ids.map((id) => client.job$(id))).subscribe((states) => {
      for (const state of states)
        if (state.isTerminal && !finishedAt.has(state.id)) finishedAt.set(state.id, Date.now())
      draw(states)
      const permanentError = (s: VideoJobState): boolean => !s.isPolling && s.error !== undefined
      if (states.every((s) => s.isTerminal || permanentError(s))) {
        queueMicrotask(() => subscription.unsubscribe())
        console.log(renderSummary(states, startedAt, finishedAt, counter.count()))
        resolve()
      }
    })
  })
  client.dispose()
  await close()
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error)
  process.exitCode = 1
})
