import { notifyManager, QueryClient, QueryObserver } from '@tanstack/query-core'
import { createVideoClient, type VideoTransport } from '@vidjob/core'
import { actAsBrowserTab, isFinished, videoQuery } from './tanstack-queries'

/**
 * One library tracking jobs the way a dashboard does: one observer per job on screen.
 *
 * @example const stop = tracker.watch(id, () => console.log('done')); stop()
 */
export interface Tracker {
  readonly name: string
  /** How it is configured, in words, for the report. */
  readonly config: string
  /** Subscribes one observer to a job; `onEnd` runs once, when the observer first holds its end. */
  watch(id: string, onEnd?: () => void): () => void
  /** Observer notifications so far (initial replays excluded). */
  readonly notifications: number
  dispose(): void
}

/**
 * The names of the trackers, as the scenarios' child processes are told them.
 *
 * @example const tracker = TRACKERS[name](transport, 5_000)
 */
export const TRACKERS = {
  vidjob: vidjobTracker,
  'query-core': queryCoreTracker,
} as const

/**
 * The name of one tracker.
 *
 * @example const name: TrackerName = 'vidjob'
 */
export type TrackerName = keyof typeof TRACKERS

/**
 * Whether a string names a tracker.
 *
 * @example isTrackerName('vidjob') // true
 */
export function isTrackerName(name: string): name is TrackerName {
  return Object.hasOwn(TRACKERS, name)
}

/**
 * How each tracker is configured, in words, for the reports.
 *
 * @example describeTracker('query-core', 5_000)
 */
export function describeTracker(name: TrackerName, intervalMs: number): string {
  return name === 'vidjob'
    ? '@vidjob/core createVideoClient({ transport }) with default options (adaptive polling, 1–30 s); one client.job$(id) subscription per job'
    : `@tanstack/query-core QueryClient with default options (staleTime 0, retry 3, structural sharing); one QueryObserver per job: queryFn = transport.retrieve + VideoSchema.parse, refetchInterval ${intervalMs / 1000} s until terminal, notifyOnChangeProps data/isPending/error (what a row reads); notifications on queueMicrotask instead of setTimeout(0)`
}

/**
 * vidjob with default options: one client, `client.job$(id)` per observer; its shared poller decides
 * what to request. `intervalMs` is not passed: vidjob polls adaptively by default.
 *
 * @example const tracker = vidjobTracker(transport, 5_000)
 */
export function vidjobTracker(transport: VideoTransport, _intervalMs: number): Tracker {
  const client = createVideoClient({ transport })
  let notifications = 0
  return {
    name: 'vidjob',
    config: describeTracker('vidjob', 0),
    watch(id, onEnd) {
      let replayed = false
      let ended = false
      const subscription = client.job$(id).subscribe((state) => {
        if (replayed) notifications++
        replayed = true
        if (state.isTerminal && !ended) {
          ended = true
          onEnd?.()
        }
      })
      return () => subscription.unsubscribe()
    },
    get notifications() {
      return notifications
    },
    dispose: () => client.dispose(),
  }
}

/**
 * `@tanstack/query-core` as a team writes it: a `QueryObserver` per job (what `useQuery` creates) whose
 * query fetches through the same transport, parses the body with core's `VideoSchema` and refetches every
 * `intervalMs` until the job ends; every other option at its default. The observer reads `data`,
 * `isPending` and `error`, what a row tracks. Notifications run on `queueMicrotask` instead of
 * `setTimeout(0)`: one fake timer fewer per answer, so the harness's per-timer cost does not land on it.
 *
 * @example const tracker = queryCoreTracker(transport, 5_000)
 */
export function queryCoreTracker(transport: VideoTransport, intervalMs: number): Tracker {
  actAsBrowserTab()
  notifyManager.setScheduler(queueMicrotask)
  const client = new QueryClient()
  client.mount()
  let notifications = 0
  return {
    name: 'query-core',
    config: describeTracker('query-core', intervalMs),
    watch(id, onEnd) {
      const observer = new QueryObserver(client, {
        ...videoQuery(transport, id, intervalMs),
        notifyOnChangeProps: ['data', 'isPending', 'error'],
      })
      let ended = false
      return observer.subscribe((result) => {
        notifications++
        if (isFinished(result.data) && !ended) {
          ended = true
          onEnd?.()
        }
      })
    },
    get notifications() {
      return notifications
    },
    dispose() {
      client.clear()
      client.unmount()
    },
  }
}
