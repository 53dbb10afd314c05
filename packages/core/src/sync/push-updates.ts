import type { Subscription } from 'rxjs'
import type { JobFetcher } from './job-fetcher'
import type { VideoUpdates } from './updates'

/**
 * How long a job covered by an open stream may stay silent, for a poll interval of `delay`: the interval
 * plus as much again (at least 3 s), since the relay's own poll and the way back take their time. Past
 * that the job gets one confirming poll: a stream is never trusted blindly.
 */
export function coveredDelay(delay: number): number {
  return delay + Math.max(delay, 3_000)
}

/**
 * Feeds a push source into the client: each pushed video enters the cache through the fetcher, with the
 * same validation and forward-only merge as a polled one (a body that fails is dropped; the confirming
 * poll will tell); the source's state tells the fetcher whether pushes cover the jobs, and the poller
 * hears of it from the fetcher.
 */
export class PushUpdates {
  readonly #subscription: Subscription | undefined

  constructor(updates: VideoUpdates | undefined, fetcher: JobFetcher) {
    this.#subscription = updates?.updates$.subscribe((update) => {
      if (update.type === 'video') ingestQuietly(fetcher, update.video)
      else if (update.type === 'open') fetcher.coverByPush(true)
      else if (update.type === 'closed') fetcher.coverByPush(false)
      else fetcher.pushMissed()
    })
  }

  dispose(): void {
    this.#subscription?.unsubscribe()
  }
}

function ingestQuietly(fetcher: JobFetcher, video: unknown): void {
  try {
    fetcher.ingest(video, true)
  } catch {
    // Not a valid video: nothing enters the cache, and the job's confirming poll fetches the truth.
  }
}
