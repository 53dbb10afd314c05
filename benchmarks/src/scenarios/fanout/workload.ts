/** What the fan-out scenario runs: how many viewers, users, jobs and polling browsers, for how long. */
export interface FanoutWorkload {
  /** Users of the relay; each owns `jobsPerUser` live jobs and has `viewersPerUser` open streams. */
  readonly users: number
  readonly jobsPerUser: number
  readonly viewersPerUser: number
  /** Browser clients measured on the polling side (each watching its user's jobs), scaled to `viewers`. */
  readonly pollingClients: number
  /** The poll interval of the relay's client and of every polling browser, fixed so "per interval" is exact. */
  readonly intervalMs: number
  /** How long requests are counted while every job renders. */
  readonly steadyMs: number
  /** Jobs stay queued this long after they are made: the viewers connect meanwhile. */
  readonly connectMs: number
  /** Completions are spread over this long after the steady window: their latency is measured. */
  readonly completionSpreadMs: number
  /** The mock's answer time. */
  readonly latencyMs: number
}

/**
 * The workload: 1,000 viewers of 100 live jobs (10 users × 10 jobs, 100 viewers each); quick mode is a
 * seconds-long smoke test of the same path.
 *
 * @example const workload = fanoutWorkload(true)
 */
export function fanoutWorkload(quick: boolean): FanoutWorkload {
  return quick
    ? {
        users: 4,
        jobsPerUser: 5,
        viewersPerUser: 25,
        pollingClients: 10,
        intervalMs: 1_000,
        steadyMs: 3_000,
        connectMs: 3_000,
        completionSpreadMs: 500,
        latencyMs: 20,
      }
    : {
        users: 10,
        jobsPerUser: 10,
        viewersPerUser: 100,
        pollingClients: 100,
        intervalMs: 1_000,
        steadyMs: 8_000,
        connectMs: 4_000,
        completionSpreadMs: 3_000,
        latencyMs: 20,
      }
}

/** Viewers (or browsers) in all. */
export function viewersOf(workload: FanoutWorkload): number {
  return workload.users * workload.viewersPerUser
}

/** Live jobs in all. */
export function jobsOf(workload: FanoutWorkload): number {
  return workload.users * workload.jobsPerUser
}
