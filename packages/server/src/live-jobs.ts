import type { Video, VideoClient } from '@vidjob/core'
import type { Subscription } from 'rxjs'
import type { EventLog } from './events/event-log'
import { KeyedSet } from './events/keyed-set'
import type { RelayFleet } from './fleet/relay-fleet'
import { isLiveVideo, StoreUnavailableError, type OwnershipStore } from './store/ownership-store'

interface Watched {
  readonly ownerId: string
  /** The last state published; the first emission of the watch publishes the job as it is. */
  video: Video | undefined
  /** The stored state a resumed watch starts from: not written again when the client has nothing newer. */
  stored: Video | undefined
  subscription: Subscription | undefined
}

/** A change this instance could not write to a shared store that was down, to write once it is back. */
interface Unsaved {
  readonly ownerId: string
  readonly video: Video
}

const RANK = { queued: 0, in_progress: 1, completed: 2, failed: 2 } as const

/** Whether `a` is further along than `b` (status, then progress), as the client's forward-only merge ranks them. */
function isAhead(a: Video, b: Video): boolean {
  return RANK[a.status] - RANK[b.status] > 0 || (a.status === b.status && a.progress > b.progress)
}

/** Where {@link LiveJobs} stores, publishes and reports. */
export interface LiveJobsDeps {
  readonly client: VideoClient
  readonly store: OwnershipStore
  readonly log: EventLog
  readonly onError: (error: unknown) => void
}

/**
 * The live jobs of every user, kept fresh by the relay's one core client: each job is watched once,
 * whatever the number of viewers, so the upstream sees one poll per job per interval (coalesced into
 * list pages where the server has them). Each change is stored (a restart resumes from it) and published
 * to the owner's event streams; a job is let go once it is completed, failed or gone.
 *
 * With a fleet (instances sharing Redis), a job is watched only by the instance holding its lease: it
 * renews the lease while it polls and releases it when the job ends, and every instance tries to take the
 * live jobs nobody holds, so one that dies is replaced within a lease period and a quarter. While Redis is
 * down, the jobs already watched here go on being polled and their changes reach this instance's viewers
 * from memory; they are written to Redis, and so to every other instance, once it is back.
 */
export class LiveJobs {
  readonly #jobs = new Map<string, Watched>()
  /** Jobs whose lease is being asked for. */
  readonly #asking = new Set<string>()
  readonly #unsaved = new Map<string, Unsaved>()
  readonly #local = new KeyedSet<(video: Video) => void>()
  readonly #deps: LiveJobsDeps
  readonly #fleet: RelayFleet | undefined
  readonly #timer: ReturnType<typeof setInterval> | undefined
  #degraded = false
  #closed = false
  /** A round of {@link #keepLeases} is under way: a slow Redis must not stack them up. */
  #keeping = false

  constructor(deps: LiveJobsDeps) {
    this.#deps = deps
    this.#fleet = deps.store.fleet
    if (!this.#fleet) return
    this.#timer = setInterval(() => void this.#keepLeases(), this.#fleet.leases.leaseMs / 4)
    ;(this.#timer as { unref?: () => void }).unref?.()
  }

  /** Watches again every live job the store holds (after a restart). */
  async resume(): Promise<void> {
    for (const { ownerId, video } of await this.#deps.store.live()) this.resumeOne(ownerId, video)
  }

  /**
   * Watches a live job the store holds that nothing watches here (after a restart, or written to a shared
   * store by someone else), starting from its stored state. Ended and watched jobs are left alone.
   */
  resumeOne(ownerId: string, video: Video): void {
    if (this.#jobs.has(video.id) || !isLiveVideo(video)) return
    this.track(ownerId, video, video)
  }

  /**
   * Watches a job of `ownerId` until it ends, publishing each change (in a fleet: once its lease is held).
   * `stored`: the state the store holds, for a resumed job.
   */
  track(ownerId: string, video: Video, stored?: Video): void {
    const { id } = video
    if (this.#jobs.has(id) || this.#asking.has(id) || this.#closed) return
    const fleet = this.#fleet
    if (!fleet) return this.#watch(ownerId, video, stored)
    this.#asking.add(id)
    fleet.leases
      .acquire(id)
      .then(
        (held) => held && this.#watch(ownerId, video, stored),
        (error: unknown) => this.#whileDown(error),
      )
      .finally(() => this.#asking.delete(id))
  }

  /**
   * The newer of the stored state and the one watched here (resuming a live job nobody watches). In a fleet
   * another instance may have stored a newer state than this one saw: the watch here is told of it too.
   */
  latest(ownerId: string, stored: Video): Video {
    this.resumeOne(ownerId, stored)
    const current = this.current(stored.id)
    if (current === undefined) return stored
    if (!isAhead(stored, current)) return current
    this.#deps.client.ingest(stored)
    return stored
  }

  /**
   * The owner and latest state of a job watched here, or whose last change is not stored yet: what is known
   * of it while a shared store is down.
   */
  watched(id: string): { ownerId: string; video: Video } | undefined {
    const job = this.#jobs.get(id)
    return job?.video ? { ownerId: job.ownerId, video: job.video } : this.#unsaved.get(id)
  }

  /** The job's latest state, if it is watched here. */
  current(id: string): Video | undefined {
    return this.#jobs.get(id)?.video
  }

  /** The live jobs of one user, for a stream that starts from nothing (in a fleet: wherever they are polled). */
  async of(ownerId: string): Promise<Video[]> {
    if (this.#fleet) {
      const stored = await this.#deps.store.live(ownerId)
      return stored.map(({ video }) => this.current(video.id) ?? video)
    }
    return [...this.#jobs.values()].flatMap((job) =>
      job.ownerId === ownerId && job.video ? [job.video] : [],
    )
  }

  /** Stops watching a job (it ended, or was deleted), and gives its lease up. */
  forget(id: string): void {
    const job = this.#jobs.get(id)
    if (!job) return
    this.#jobs.delete(id)
    job.subscription?.unsubscribe()
    this.#fleet?.leases.release(id).catch(() => undefined)
  }

  /** Publishes a change that arrived outside a watch (a webhook's refetch of an ended job). */
  publish(ownerId: string, video: Video): void {
    const job = this.#jobs.get(video.id)
    if (job) {
      if (job.video !== video) this.#changed(job, video)
    } else this.#save(ownerId, video)
  }

  /**
   * Hands `listener` this instance's changes of `ownerId`'s jobs that could not go through the shared log
   * (Redis down): a stream keeps updating from memory meanwhile.
   */
  onUnshared(ownerId: string, listener: (video: Video) => void): () => void {
    return this.#local.add(ownerId, listener)
  }

  close(): void {
    this.#closed = true
    clearInterval(this.#timer)
    for (const id of [...this.#jobs.keys()]) this.forget(id)
  }

  #watch(ownerId: string, video: Video, stored: Video | undefined): void {
    if (this.#jobs.has(video.id) || this.#closed) return
    const { client } = this.#deps
    // Only once the lease is held: in a fleet every instance sweeps every live job, and ingesting the ones
    // polled elsewhere would cost each instance a parse per job per sweep.
    if (stored) client.ingest(stored)
    const watched: Watched = { ownerId, video: undefined, stored, subscription: undefined }
    this.#jobs.set(video.id, watched)
    watched.subscription = client.job$(video.id).subscribe((state) => {
      if (state.isDeleted) return this.#gone(video.id)
      if (state.video && state.video !== watched.video && !this.#isStored(watched, state.video))
        this.#changed(watched, state.video)
      if (state.isTerminal) this.forget(video.id)
    })
    if (!this.#jobs.has(video.id)) watched.subscription.unsubscribe()
  }

  /**
   * Whether a resumed watch's first state is only what the store gave it. Written again, it could undo a
   * newer state another instance stored meanwhile (in a fleet, a lease taken over after an outage).
   */
  #isStored(watched: Watched, video: Video): boolean {
    const { stored } = watched
    watched.stored = undefined
    if (stored === undefined || JSON.stringify(stored) !== JSON.stringify(video)) return false
    watched.video = video
    return true
  }

  #changed(job: Watched, video: Video): void {
    job.video = video
    this.#save(job.ownerId, video)
  }

  /** Stores and publishes a change; one that a shared store refuses while down reaches local viewers now, everyone later. */
  #save(ownerId: string, video: Video): void {
    const { store, log } = this.#deps
    // Stored before it is told: a viewer that hears of a change and asks any instance reads it there.
    store
      .update(video)
      .then(() => log.publish(ownerId, video))
      .then(
        () => this.#unsaved.get(video.id)?.video === video && this.#unsaved.delete(video.id),
        (error: unknown) => {
          if (!(error instanceof StoreUnavailableError) || !this.#fleet) return this.#deps.onError(error)
          this.#whileDown(error)
          this.#unsaved.set(video.id, { ownerId, video })
          for (const listener of this.#local.of(ownerId)) listener(video)
        },
      )
  }

  /** The upstream confirmed the job is gone (deleted elsewhere): it is forgotten here too. */
  #gone(id: string): void {
    this.forget(id)
    this.#deps.store.remove(id).catch(this.#deps.onError)
  }

  /** Renews the leases held, drops the ones lost, takes the live jobs nobody holds, writes what was unsaved. */
  async #keepLeases(): Promise<void> {
    const fleet = this.#fleet as RelayFleet
    if (this.#keeping) return
    this.#keeping = true
    try {
      const held = [...this.#jobs.keys()]
      const renewed = await Promise.all(held.map((id) => fleet.leases.renew(id)))
      // Another instance polls a job whose lease this one lost (it stalled past the lease): stop here.
      held.forEach((id, i) => renewed[i] || this.#drop(id))
      for (const { ownerId, video } of await this.#deps.store.live()) this.resumeOne(ownerId, video)
      for (const { ownerId, video } of [...this.#unsaved.values()]) this.#save(ownerId, video)
      this.#degraded = false
    } catch (error) {
      this.#whileDown(error)
    } finally {
      this.#keeping = false
    }
  }

  #drop(id: string): void {
    const job = this.#jobs.get(id)
    this.#jobs.delete(id)
    job?.subscription?.unsubscribe()
  }

  /** Redis is down: keep polling what is watched here, and say so once per outage. */
  #whileDown(error: unknown): void {
    if (!(error instanceof StoreUnavailableError)) return this.#deps.onError(error)
    if (this.#degraded) return
    this.#degraded = true
    this.#deps.onError(
      new StoreUnavailableError(
        `The shared store is down (${error.message}); this relay instance goes on polling the jobs it watches and serves their changes from memory until it is back.`,
      ),
    )
  }
}
