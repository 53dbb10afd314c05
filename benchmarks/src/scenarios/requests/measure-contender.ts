import { createFetchTransport } from '@vidjob/core'
import { installFakeClock, type FakeClock } from '../../fake-clock'
import type { Contender } from './contender'
import { seedApi, type RequestsWorkload } from './workload'

/** What one contender cost and how fast its UI learned that jobs ended. */
export interface RequestsRun {
  readonly name: string
  readonly config: string
  readonly requests: { readonly total: number; readonly retrieve: number; readonly list: number }
  /** Requests sent after every component showed every job's end (wasted polling). */
  readonly requestsAfterDone: number
  /** ms from the server's terminal transition to each component's first terminal state. */
  readonly latencies: readonly number[]
  /** Components (job × observer) that never showed the end within the horizon. */
  readonly undetected: number
  /** Timers the contender still held after it was stopped. */
  readonly timersLeft: number
}

const BASE_URL = 'http://mock.local/v1'
/** Simulated time between checks for completion; detection times are exact regardless. */
const STEP_MS = 1_000
/** How long to keep the clock running after the last job was seen, to catch wasted polls. */
const TAIL_MS = 60_000

/**
 * Runs one contender over the workload on a fake clock: every job from creation to completion, then a
 * minute more. Requests are counted from the mock's log; detection latency per component and job.
 *
 * @example const run = await measureContender(vidjobContender('vidjob', 'adaptive', {}), workload)
 */
export async function measureContender(
  contender: Contender,
  workload: RequestsWorkload,
): Promise<RequestsRun> {
  const clock = installFakeClock()
  try {
    return await simulate(clock, contender, workload)
  } finally {
    clock.uninstall()
  }
}

async function simulate(
  clock: FakeClock,
  contender: Contender,
  workload: RequestsWorkload,
): Promise<RequestsRun> {
  const { api, ids, terminalAt } = seedApi(workload)
  const transport = createFetchTransport({ baseURL: BASE_URL, fetch: api.fetch })
  const detectedAt = new Map<string, { id: string; at: number }>()
  const stop = contender.start({
    transport,
    ids,
    observers: workload.observers,
    intervalMs: workload.nominalIntervalMs,
    seen(id, observer, terminal) {
      const key = `${id}#${observer}`
      if (terminal && !detectedAt.has(key)) detectedAt.set(key, { id, at: clock.now })
    },
  })
  const expected = ids.length * workload.observers
  const horizon = Math.max(...terminalAt.values()) + 5 * 60_000
  while (detectedAt.size < expected && clock.now < horizon) await clock.tickAsync(STEP_MS)
  const doneAt = clock.now
  await clock.tickAsync(TAIL_MS)
  stop()
  await clock.tickAsync(0)
  const latencies = [...detectedAt.values()].map(({ id, at }) => at - (terminalAt.get(id) as number))
  return {
    name: contender.name,
    config: contender.config,
    requests: {
      total: api.log.length,
      retrieve: api.count({ endpoint: 'retrieve' }),
      list: api.count({ endpoint: 'list' }),
    },
    requestsAfterDone: api.log.filter((entry) => entry.receivedAt > doneAt).length,
    latencies,
    undetected: expected - detectedAt.size,
    timersLeft: clock.countTimers(),
  }
}
