import type { Video, VideoClient } from '@vidjob/core'
import type { Subscription } from 'rxjs'
import type { EventHub } from './events/event-hub'
import { isLiveVideo, type OwnershipStore } from './store/ownership-store'

interface Watched {
  readonly ownerId: string
  /** The last state published; the first emission of the watch publishes the job as it is. */
  video: Video | undefined
  subscription: Subscription | undefined
}

/**
 * The live jobs of every user, kept fresh by the relay's one core client: each job is watched once,
 * whatever the number of viewers, so the upstream sees one poll per job per interval (coalesced into
 * list pages where the server has them). Each change is stored (a restart resumes from it) and published
 * to the owner's event streams; a job is let go once it is completed, failed or gone.
 */
export class LiveJobs {
  readonly #jobs = new Map<string, Watched>()
  readonly #client: VideoClient
  readonly #store: OwnershipStore
  readonly #hub: EventHub
  readonly #onError: (error: unknown) => void

  constructor(client: VideoClient, store: OwnershipStore, hub: EventHub, onError: (error: unknown) => void) {
    this.#client = client
    this.#store = store
    this.#hub = hub
    this.#onError = onError
  }

  /** Watches again every live job the store holds (after a restart). */
  async resume(): Promise<void> {
    for (const { ownerId, video } of await this.#store.live()) this.resumeOne(ownerId, video)
  }

  /**
   * Watches a live job the store holds that nothing watches here (after a restart, or written to a shared
   * store by someone else), starting from its stored state. Ended and watched jobs are left alone.
   */
  resumeOne(ownerId: string, video: Video): void {
    if (this.#jobs.has(video.id) || !isLiveVideo(video)) return
    this.#client.ingest(video)
    this.track(ownerId, video)
  }

  /** Watches a job of `ownerId` until it ends, publishing each change. */
  track(ownerId: string, video: Video): void {
    if (this.#jobs.has(video.id)) return
    const watched: Watched = { ownerId, video: undefined, subscription: undefined }
    this.#jobs.set(video.id, watched)
    watched.subscription = this.#client.job$(video.id).subscribe((state) => {
      if (state.isDeleted) return this.#gone(video.id)
      if (state.video && state.video !== watched.video) this.#changed(watched, state.video)
      if (state.isTerminal) this.forget(video.id)
    })
    if (!this.#jobs.has(video.id)) watched.subscription.unsubscribe()
  }

  /** The job's latest state, if it is live here. */
  current(id: string): Video | undefined {
    return this.#jobs.get(id)?.video
  }

  /** The live jobs of one user, for a stream that starts from nothing. */
  of(ownerId: string): Video[] {
    return [...this.#jobs.values()].flatMap((job) =>
      job.ownerId === ownerId && job.video ? [job.video] : [],
    )
  }

  /** Stops watching a job (it ended, or was deleted). */
  forget(id: string): void {
    const job = this.#jobs.get(id)
    if (!job) return
    this.#jobs.delete(id)
    job.subscription?.unsubscribe()
  }

  /** Publishes a change that arrived outside a watch (a webhook's refetch of an ended job). */
  publish(ownerId: string, video: Video): void {
    const job = this.#jobs.get(video.id)
    if (job) {
      if (job.video !== video) this.#changed(job, video)
    } else {
      this.#save(video)
      this.#hub.publish(ownerId, video)
    }
  }

  close(): void {
    for (const id of [...this.#jobs.keys()]) this.forget(id)
  }

  #changed(job: Watched, video: Video): void {
    job.video = video
    this.#save(video)
    this.#hub.publish(job.ownerId, video)
  }

  #save(video: Video): void {
    this.#store.update(video).catch(this.#onError)
  }

  /** The upstream confirmed the job is gone (deleted elsewhere): it is forgotten here too. */
  #gone(id: string): void {
    this.forget(id)
    this.#store.remove(id).catch(this.#onError)
  }
}
