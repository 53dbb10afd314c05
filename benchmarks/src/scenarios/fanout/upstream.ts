import { createMockVideoApi, type MockVideoApi } from '@vidjob/mock-api'
import { jobsOf, type FanoutWorkload } from './workload'

/** The mock Videos API of one side, on loopback, with every job's schedule. */
export interface FanoutUpstream {
  readonly api: MockVideoApi
  /** The API root, e.g. `http://127.0.0.1:40123/v1`. */
  readonly url: string
  /** The ids of each user's jobs. */
  readonly jobsByUser: readonly (readonly string[])[]
  /** When each job completes on the mock (ms epoch): the change whose arrival the viewers time. */
  readonly completesAt: Readonly<Record<string, number>>
  /** The steady window (ms epoch): every job renders, every viewer is connected. */
  readonly steady: { readonly from: number; readonly to: number }
  /** When the side's measurement ends (ms epoch): every completion has had time to arrive. */
  readonly endAt: number
  /** Polls (retrieves and list pages) the mock received from `from` to `to` (ms epoch), from its log. */
  pollsBetween(from: number, to: number): number
  close(): Promise<void>
}

/**
 * Starts a mock on loopback and makes every job of the workload: queued while the viewers connect, then
 * rendering through the steady window, completing one after another over the spread that follows. Both
 * sides get the same schedule, each on its own mock.
 *
 * @example const upstream = await startUpstream(fanoutWorkload(true))
 */
export async function startUpstream(workload: FanoutWorkload): Promise<FanoutUpstream> {
  const api = createMockVideoApi({ latencyMs: workload.latencyMs })
  const server = await api.listen(0, '127.0.0.1')
  const start = Date.now()
  // A schedule that starts now: queued while the browsers start, rendering through the window, then done.
  const jobs = jobsOf(workload)
  const completesAt: Record<string, number> = {}
  const jobsByUser = Array.from({ length: workload.users }, (_, user) =>
    Array.from({ length: workload.jobsPerUser }, (_, k) => {
      const index = user * workload.jobsPerUser + k
      const renderMs = workload.steadyMs + (workload.completionSpreadMs * (index + 0.5)) / jobs
      const { id } = api.jobs.create({ prompt: `fan-out ${index}`, queueMs: workload.connectMs, renderMs })
      completesAt[id] = start + workload.connectMs + renderMs
      return id
    }),
  )
  const rendering = start + workload.connectMs
  return {
    api,
    url: server.url,
    jobsByUser,
    completesAt,
    steady: { from: rendering, to: rendering + workload.steadyMs },
    endAt: rendering + workload.steadyMs + workload.completionSpreadMs + 1.5 * workload.intervalMs + 300,
    pollsBetween: (from, to) =>
      api.log.filter(
        (entry) =>
          (entry.endpoint === 'retrieve' || entry.endpoint === 'list') &&
          entry.receivedAt >= from &&
          entry.receivedAt < to,
      ).length,
    close: () => server.close(),
  }
}

/** Resolves at `at` (ms epoch), at once if it has passed. */
export function until(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())))
}
