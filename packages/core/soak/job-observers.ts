import type { VideoClient, VideoJobState, VideoStatus } from '@vidjob/core'
import { dequal } from 'dequal'
import { statusRank } from '../src/schema/video'
import { subscribeChecked, type Findings } from './findings'

interface Observer {
  readonly id: string
  last: VideoJobState | undefined
}

interface Highest {
  status: VideoStatus
  progress: number
  /** The latest `expires_at` shown: the server only ever extends it, and the merge does not rank it. */
  expiresAt: number
}

/**
 * Every `job$` subscription the soak opens, each checked at every emission: a job's status, progress and
 * `expires_at` only move forward across all of its emissions (whichever subscriber saw them; the merge
 * does not rank `expires_at`, so only the request order keeps an older answer from moving it back), a subscription never
 * loses its video (a garbage-collected observed entry would), equal data keeps its object, a job whose
 * delete was confirmed never reads as not deleted again nor gets new data, and `error` is never called.
 *
 * @example
 * const observers = new JobObservers(client, findings, (id) => confirmed.has(id))
 * const release = observers.observe('video_1')
 * release()
 */
export class JobObservers {
  /** How many states were checked. */
  emissions = 0
  private readonly open = new Set<Observer>()
  private readonly highest = new Map<string, Highest>()

  constructor(
    private readonly client: VideoClient,
    private readonly findings: Findings,
    private readonly isConfirmedDeleted: (id: string) => boolean,
  ) {}

  /** Subscribes to the job like a component would; returns the unsubscribe. */
  observe(id: string): () => void {
    const observer: Observer = { id, last: undefined }
    this.open.add(observer)
    const unsubscribe = subscribeChecked(this.client.job$(id), this.findings, `job$(${id})`, (state) =>
      this.check(observer, state),
    )
    return () => {
      unsubscribe()
      this.open.delete(observer)
    }
  }

  /** A subscriber's last state must be what `getJob` returns now: nothing changed unseen, nothing was dropped. */
  verifySnapshots(): void {
    for (const observer of this.open) {
      if (this.client.getJob(observer.id) !== observer.last)
        this.findings.add('snapshot', `getJob(${observer.id}) is not the last state job$ emitted`)
    }
  }

  private check(observer: Observer, state: VideoJobState): void {
    this.emissions++
    const { id } = observer
    const last = observer.last?.video
    if (last !== undefined && state.video === undefined)
      this.findings.add('collected', `${id} lost its video while observed`)
    if (last !== undefined && state.video !== undefined && last !== state.video && dequal(last, state.video))
      this.findings.add('identity', `${id}: job$ emitted equal data in a new object`)
    if (this.isConfirmedDeleted(id)) this.checkGone(observer, state)
    if (state.status !== undefined)
      this.checkForward(id, state.status, state.progress, state.video?.expires_at ?? 0)
    observer.last = state
  }

  /**
   * After a confirmed delete a job stays deleted, and nothing new about it is taken. Once nothing holds a
   * deleted id its tombstone may be freed: a new observer then learns it is gone from the server (no
   * video). Reading a video as not deleted would be a resurrection.
   */
  private checkGone(observer: Observer, state: VideoJobState): void {
    const { id, last } = observer
    if (!state.isDeleted && state.video !== undefined)
      this.findings.add('resurrection', `${id} emitted isDeleted: false after its delete succeeded`)
    else if (last?.isDeleted && last.video !== state.video)
      this.findings.add('resurrection', `${id} got new data after its delete was confirmed`)
  }

  private checkForward(id: string, status: VideoStatus, progress: number, expiresAt: number): void {
    const highest = this.highest.get(id)
    if (highest) {
      if (expiresAt < highest.expiresAt)
        this.findings.add('regression', `${id} expires_at ${expiresAt} after ${highest.expiresAt}`)
      const rank = statusRank(status) - statusRank(highest.status)
      if (rank < 0 || (rank === 0 && status !== highest.status))
        this.findings.add('regression', `${id} status ${status} after ${highest.status}`)
      if (progress < highest.progress)
        this.findings.add('regression', `${id} progress ${progress} after ${highest.progress}`)
    }
    this.highest.set(id, {
      status: !highest || statusRank(status) > statusRank(highest.status) ? status : highest.status,
      progress: Math.max(progress, highest?.progress ?? 0),
      expiresAt: Math.max(expiresAt, highest?.expiresAt ?? 0),
    })
  }
}
