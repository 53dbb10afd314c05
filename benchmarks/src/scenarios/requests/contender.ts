import type { VideoTransport } from '@vidjob/core'

/**
 * What a contender is given: the shared transport, the jobs, and where to report what its UI shows.
 *
 * @example contender.start({ transport, ids, observers: 3, intervalMs: 5_000, seen: () => undefined })
 */
export interface TrackingContext {
  readonly transport: VideoTransport
  readonly ids: readonly string[]
  readonly observers: number
  readonly intervalMs: number
  /** Called each time observer `observer` of job `id` holds a state; `terminal` once it shows the end. */
  seen(id: string, observer: number, terminal: boolean): void
}

/**
 * One way of tracking jobs (vidjob, TanStack Query, a naive poller); returns how to stop it.
 *
 * @example const stop = vidjobContender('vidjob', 'defaults', {}).start(context); stop()
 */
export interface Contender {
  readonly name: string
  /** How it is configured, in words, for the report. */
  readonly config: string
  start(context: TrackingContext): () => void
}
