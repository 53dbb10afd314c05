import { createFetchTransport } from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { isTrackerName, TRACKERS } from '../../trackers'
import { cpuMs, drainMicrotasks } from '../../virtual-time'
import { unsubscribeWorkload } from './workload'

/** One side's unsubscribe-all, in one process. */
export interface UnsubscribeRun {
  /** Wall ms from the first unsubscribe to the last microtask it caused. */
  readonly wallMs: number
  readonly cpuMs: number
  readonly observers: number
  /** Requests the side had sent before it left (context: how much was in flight or loaded). */
  readonly requests: number
}

/**
 * `unsubscribe <side> [--quick]`: N jobs on a mock on the real clock (no fake timers: the libraries' timer
 * calls cost what they cost), one observer each through the side's library, left running for a moment;
 * then every observer unsubscribes in one synchronous loop, and the time runs until the microtasks it
 * caused have run too.
 *
 * @example const run = await measureUnsubscribeSide(['vidjob'])
 */
export async function measureUnsubscribeSide(args: readonly string[]): Promise<UnsubscribeRun> {
  const [name] = args
  if (name === undefined || !isTrackerName(name)) throw new Error(`Unknown unsubscribe side ${name}.`)
  const workload = unsubscribeWorkload(args.includes('--quick'))
  const api = createMockVideoApi({ seed: 5, latencyMs: workload.latencyMs, renderMs: 600_000 })
  const ids = Array.from({ length: workload.observers }, (_, n) => api.jobs.create({ prompt: `job ${n}` }).id)
  const transport = createFetchTransport({ baseURL: 'http://mock.local/v1', fetch: api.fetch })
  const tracker = TRACKERS[name](transport, 5_000)
  const stops = ids.map((id) => tracker.watch(id))
  await new Promise((resolve) => setTimeout(resolve, workload.runMs))
  const requests = api.log.length
  const [wallBefore, cpuBefore] = [performance.now(), cpuMs()]
  for (const stop of stops) stop()
  await drainMicrotasks()
  const [wallMs, spent] = [performance.now() - wallBefore, cpuMs() - cpuBefore]
  tracker.dispose()
  return { wallMs, cpuMs: spent, observers: workload.observers, requests }
}
