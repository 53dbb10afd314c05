import type { Video, VideoClient, VideoListHandle, VideoListState } from '@vidjob/core'
import { dequal } from 'dequal'
import type { CreationOrder } from './creation-order'
import { subscribeChecked, type Findings } from './findings'

/** What the checks of a list know about the server and the test's own actions. */
export interface ListRules {
  readonly order: CreationOrder
  /** The job's delete succeeded: no list may show it again. */
  isConfirmedDeleted(id: string): boolean
  /**
   * Created through this client: `create` puts it at a list's edge, ahead of jobs the list has not
   * loaded, so it is no evidence of what the list loaded around it.
   */
  createdHere(id: string): boolean
  /**
   * A list showing loaded jobs on both sides of this one must show it too (cursor pages leave no
   * holes): it exists on the server and no delete of it is running or done.
   */
  mustFillGap(id: string): boolean
}

interface Ranked {
  readonly id: string
  readonly rank: number
}

interface Observer {
  readonly handle: VideoListHandle
  last: VideoListState | undefined
}

/**
 * Every `state$` subscription a test opens, each checked at every emission: rows in cursor order,
 * without duplicates or holes, no row of a deleted job, equal data in the same object, and `error` never
 * called; between steps, every row is the cached video itself.
 *
 * @example
 * const lists = new ListObservers(client, findings, rules)
 * const release = lists.observe(client.list({ limit: 20 }))
 */
export class ListObservers {
  /** How many list states were checked. */
  emissions = 0
  private readonly open = new Set<Observer>()
  /** How many times each list lost its last observer here (and so could be garbage-collected). */
  private readonly idlePeriods = new Map<VideoListHandle, number>()

  constructor(
    private readonly client: VideoClient,
    private readonly findings: Findings,
    private readonly rules: ListRules,
  ) {}

  /** Subscribes to the list like a component would; returns the unsubscribe. */
  observe(handle: VideoListHandle): () => void {
    const observer: Observer = { handle, last: undefined }
    this.open.add(observer)
    const unsubscribe = subscribeChecked(handle.state$, this.findings, describeList(handle), (state) => {
      this.emissions++
      this.checkRows(
        handle,
        state.videos.map((video) => video.id),
      )
      this.checkRowIdentity(handle, observer.last?.videos ?? [], state.videos)
      observer.last = state
    })
    return () => {
      unsubscribe()
      if (!this.open.delete(observer) || this.isObserved(handle)) return
      this.idlePeriods.set(handle, (this.idlePeriods.get(handle) ?? 0) + 1)
    }
  }

  /**
   * Changes whenever the list may have dropped its pages to garbage collection: undefined while nobody
   * observes it, else a count of the times it was left.
   */
  observationEpoch(handle: VideoListHandle): number | undefined {
    return this.isObserved(handle) ? (this.idlePeriods.get(handle) ?? 0) : undefined
  }

  private isObserved(handle: VideoListHandle): boolean {
    for (const observer of this.open) if (observer.handle === handle) return true
    return false
  }

  /**
   * A subscriber's last state must be what `getState` returns now, and each of its rows the video the
   * cache holds (an observed list keeps its rows' entries alive).
   */
  verifySnapshots(): void {
    for (const { handle, last } of this.open) {
      if (handle.getState() !== last)
        this.findings.add('snapshot', `${describeList(handle)}.getState() is not the last state emitted`)
      for (const row of last?.videos ?? []) {
        const cached = this.client.getJob(row.id).video
        if (cached === undefined)
          this.findings.add('collected', `${describeList(handle)} shows ${row.id}, which is not cached`)
        else if (cached !== row)
          this.findings.add('identity', `${describeList(handle)}'s row ${row.id} is not the cached video`)
      }
    }
  }

  /** A row whose data did not change keeps its object. */
  private checkRowIdentity(handle: VideoListHandle, before: readonly Video[], after: readonly Video[]): void {
    const previous = new Map(before.map((video) => [video.id, video]))
    for (const row of after) {
      const old = previous.get(row.id)
      if (old !== undefined && old !== row && dequal(old, row))
        this.findings.add('identity', `${describeList(handle)}: row ${row.id} is equal data in a new object`)
    }
  }

  /** Rows in cursor order (creation order, reversed for `desc`), each once, no hole, none of a deleted job. */
  checkRows(handle: VideoListHandle, ids: readonly string[]): void {
    const where = describeList(handle)
    if (new Set(ids).size !== ids.length)
      this.findings.add('list', `${where} has duplicate rows: ${ids.join()}`)
    const direction = handle.query.order === 'asc' ? 1 : -1
    let previous: Ranked | undefined
    let previousLoaded: Ranked | undefined
    for (const id of ids) {
      if (this.rules.isConfirmedDeleted(id) || this.client.getJob(id).isDeleted)
        this.findings.add('resurrection', `${where} shows ${id}, which is deleted`)
      const rank = this.rules.order.rankOf(id)
      if (rank === undefined) {
        this.findings.add('list', `${where} shows ${id}, which the server never listed`)
        continue
      }
      if (previous && (rank - previous.rank) * direction <= 0 && !this.unknowableOrder(previous.id, id))
        this.findings.add('list', `${where} shows ${id} out of cursor order`)
      previous = { id, rank }
      if (this.rules.createdHere(id)) continue
      if (previousLoaded) this.checkHole(where, previousLoaded, previous, ids)
      previousLoaded = previous
    }
  }

  /**
   * The API orders by `created_at`, in whole seconds: where the client placed a video it created itself
   * next to one of the same second, the server's order between them is unknowable until a page shows it.
   */
  private unknowableOrder(a: string, b: string): boolean {
    if (!this.rules.createdHere(a) && !this.rules.createdHere(b)) return false
    return this.client.getJob(a).video?.created_at === this.client.getJob(b).video?.created_at
  }

  private checkHole(where: string, a: Ranked, b: Ranked, shown: readonly string[]): void {
    const skipped = this.rules.order
      .between(a.rank, b.rank)
      .filter((id) => !shown.includes(id) && this.rules.mustFillGap(id))
    if (skipped.length > 0)
      this.findings.add('list', `${where} skips ${skipped.join()} between ${a.id} and ${b.id}`)
  }
}

/**
 * How a list is named in findings.
 *
 * @example describeList(client.list({ limit: 20 })) // 'list({"order":"desc","limit":20})'
 */
export function describeList(handle: VideoListHandle): string {
  return `list(${JSON.stringify(handle.query)})`
}
