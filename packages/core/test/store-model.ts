import { dequal } from 'dequal'
import fc from 'fast-check'
import { Findings, type FindingKind } from '../soak/findings'
import { makeVideo } from './fixtures'
import { statusRank, type Video } from '../src/schema/video'
import type { VideoJobState, VideoListState } from '../src/types'
import { ListPages, type ListPage } from '../src/list/list-pages'
import { VideoStore } from '../src/store/video-store'

/**
 * The model behind the store's property tests: the normalized store and its list pages, wired here the way the client
 * wires them (merge pages in a batch with the list update, insert created videos, tombstone deletes),
 * with no network. A model server holds jobs that only move forward; every request takes its sequence
 * number and the server's answer when it starts, and answers are delivered in any order.
 */

const GC_TIME = 10_000
const LISTS = [
  { order: 'desc', limit: 2 },
  { order: 'asc', limit: 3 },
] as const

/** A job's life on the model server: queued, then rising progress, then completed or failed. */
interface JobPlan {
  readonly steps: readonly number[]
  readonly fails: boolean
}

type Op =
  | { readonly kind: 'advance' | 'retrieve' | 'ingest' | 'toggle-job'; readonly pick: number }
  | { readonly kind: 'refresh' | 'next-page' | 'toggle-list'; readonly list: number }
  | { readonly kind: 'create'; readonly job: JobPlan }
  | { readonly kind: 'delete'; readonly pick: number; readonly succeeds: boolean }
  | { readonly kind: 'deliver'; readonly pick: number }
  | { readonly kind: 'gc'; readonly ms: number }

const jobArb: fc.Arbitrary<JobPlan> = fc.record({
  steps: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }),
  fails: fc.boolean(),
})
const pick = fc.nat()
const list = fc.nat({ max: LISTS.length - 1 })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retrieve' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('ingest' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('toggle-job' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refresh' as const), list }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('next-page' as const), list }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('toggle-list' as const), list }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const), job: jobArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick, succeeds: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('gc' as const), ms: fc.integer({ min: 0, max: 2 * GC_TIME }) }),
  },
)
export const scenarioArb = fc.record({
  jobs: fc.array(jobArb, { maxLength: 8, size: 'max' }),
  /** How far each seeded job has got before the client starts. */
  progress: fc.array(fc.nat({ max: 6 }), { maxLength: 8, size: 'max' }),
  ops: fc.array(opArb, { minLength: 10, maxLength: 80, size: 'max' }),
})

/** One job on the model server: its versions and how far it has got. */
interface ServerJob {
  readonly id: string
  readonly versions: readonly Video[]
  version: number
  deleted: boolean
}

function versionsOf(plan: JobPlan, id: string, createdAt: number): Video[] {
  const base = makeVideo({ id, created_at: createdAt })
  const steps = [...plan.steps].sort((a, b) => a - b)
  const last = steps.at(-1) ?? 0
  return [
    base,
    ...steps.map((progress) => ({ ...base, status: 'in_progress' as const, progress })),
    plan.fails
      ? { ...base, status: 'failed' as const, progress: last, error: { code: 'failed', message: 'Failed.' } }
      : { ...base, status: 'completed' as const, progress: 100, completed_at: createdAt + 60 },
  ]
}

/** The store and two list records, driven like the client drives them, every invariant checked. */
export class Harness {
  private now = 0
  private seq = 0
  readonly store = new VideoStore({ now: () => this.now })
  private readonly server: ServerJob[] = []
  private readonly records = LISTS.map((query) => ({
    query,
    record: new ListPages(this.store, query.order, { now: () => this.now }),
    release: undefined as (() => void) | undefined,
  }))
  private readonly pending: { readonly touches: readonly string[]; readonly settle: () => void }[] = []
  private readonly subscriptions = new Map<string, () => void>()
  /** The highest status and progress each job has shown, while its entry lives. */
  private readonly shown = new Map<string, { rank: number; status: string; progress: number }>()
  private readonly confirmed = new Set<string>()
  /** The loaded page ids of each list when a delete started. */
  private readonly deleting = new Map<string, string[]>()
  readonly findings = new Findings(() => this.now)

  constructor(jobs: readonly JobPlan[], progress: readonly number[]) {
    jobs.forEach((job, i) => {
      const created = this.addJob(job)
      created.version = Math.min(progress[i] ?? 0, created.versions.length - 1)
    })
    for (const { query, record } of this.records)
      record.subscribe((state) => this.checkList(query.order, state))
  }

  apply(op: Op): void {
    const before = this.identities()
    const touched = this.run(op)
    this.checkIdentity(before, touched)
    this.checkLists()
  }

  private run(op: Op): readonly string[] {
    switch (op.kind) {
      case 'advance': {
        const job = this.jobAt(op.pick)
        if (job) job.version = Math.min(job.version + 1, job.versions.length - 1)
        return []
      }
      case 'retrieve':
        return this.retrieve(op.pick)
      case 'ingest': {
        const job = this.jobAt(op.pick)
        if (job && !job.deleted) this.store.merge(current(job), ++this.seq)
        return job ? [job.id] : []
      }
      case 'toggle-job':
        return this.toggleJob(op.pick)
      case 'refresh':
      case 'next-page':
        return this.requestPages(op.list, op.kind === 'refresh')
      case 'toggle-list':
        return this.toggleList(op.list)
      case 'create':
        return this.create(op.job)
      case 'delete':
        return this.delete(op.pick, op.succeeds)
      case 'deliver':
        return this.deliver(op.pick)
      case 'gc':
        return this.collect(op.ms)
    }
  }

  private addJob(plan: JobPlan): ServerJob {
    const id = `video_${String(this.server.length).padStart(3, '0')}`
    const job = {
      id,
      versions: versionsOf(plan, id, 1_767_225_600 + this.server.length),
      version: 0,
      deleted: false,
    }
    this.server.push(job)
    return job
  }

  private jobAt(pick: number): ServerJob | undefined {
    return this.server[pick % Math.max(1, this.server.length)]
  }

  private retrieve(pick: number): readonly string[] {
    const job = this.jobAt(pick)
    if (!job || job.deleted) return []
    const seq = ++this.seq
    const video = current(job)
    this.pending.push({ touches: [job.id], settle: () => void this.store.merge(video, seq) })
    return []
  }

  /** A refresh reloads as many pages as are loaded; a next page follows the cursor. Both as the server is now. */
  private requestPages(index: number, refresh: boolean): readonly string[] {
    const { query, record } = this.records[index % this.records.length] as (typeof this.records)[number]
    if (!refresh && !record.canFetchMore) return []
    const seq = ++this.seq
    // Like the API: creation order (reversed for desc); deleted jobs keep their place as cursors.
    const timeline = query.order === 'desc' ? [...this.server].reverse() : this.server
    const after = record.cursor
    const from = refresh ? 0 : timeline.findIndex((job) => job.id === after) + 1
    const order = timeline.slice(from).filter((job) => !job.deleted)
    const start = 0
    const wanted = refresh ? Math.max(1, record.pageCount) * query.limit : query.limit
    const slice = order.slice(start, start + wanted).map(current)
    const hasMore = order.length > start + wanted
    const pages: ListPage[] = []
    for (let i = 0; i < slice.length || pages.length === 0; i += query.limit) {
      const ids = slice.slice(i, i + query.limit).map((video) => video.id)
      pages.push({ ids, lastId: ids.at(-1) ?? null })
    }
    const settle = (): void =>
      this.store.batch(() => {
        for (const video of slice) this.store.merge(video, seq)
        if (refresh) record.replacePages(pages, hasMore)
        else record.appendPage(pages[0] as ListPage, hasMore, after)
      })
    this.pending.push({ touches: slice.map((video) => video.id), settle })
    return []
  }

  private create(plan: JobPlan): readonly string[] {
    const job = this.addJob(plan)
    const seq = ++this.seq
    const video = current(job)
    const settle = (): void =>
      this.store.batch(() => {
        this.store.merge(video, seq)
        for (const { record } of this.records) record.insertCreated(job.id)
      })
    this.pending.push({ touches: [job.id], settle })
    return []
  }

  private delete(pick: number, succeeds: boolean): readonly string[] {
    const job = this.jobAt(pick)
    if (!job || job.deleted || !this.store.markDeleted(job.id)) return job ? [job.id] : []
    // Snapshot as the rows were just before the optimistic hide (the hidden row is back in it).
    this.deleting.set(
      job.id,
      this.records.map(({ record }) => [...record.ids()].join()),
    )
    if (succeeds) job.deleted = true
    const settle = (): void => {
      if (succeeds) {
        this.store.confirmDeleted(job.id)
        this.confirmed.add(job.id)
      } else {
        this.store.restore(job.id)
        this.checkRollback(job.id)
      }
      this.deleting.delete(job.id)
    }
    this.pending.push({ touches: [job.id], settle })
    return [job.id]
  }

  private deliver(pick: number): readonly string[] {
    const [answer] = this.pending.splice(pick % Math.max(1, this.pending.length), 1)
    answer?.settle()
    return answer?.touches ?? []
  }

  private toggleJob(pick: number): readonly string[] {
    const job = this.jobAt(pick)
    if (!job) return []
    const release = this.subscriptions.get(job.id)
    if (release) {
      release()
      this.subscriptions.delete(job.id)
    } else
      this.subscriptions.set(
        job.id,
        this.store.subscribe(job.id, (state) => this.checkJob(state)),
      )
    return []
  }

  private toggleList(index: number): readonly string[] {
    const entry = this.records[index % this.records.length] as (typeof this.records)[number]
    if (entry.release) {
      entry.release()
      entry.release = undefined
    } else entry.release = entry.record.observe()
    return []
  }

  /** The client's sweep: lists idle for gcTime drop their pages, then idle entries go. */
  private collect(ms: number): readonly string[] {
    this.now += ms
    for (const { record } of this.records)
      if (record.idleSince !== undefined && record.idleSince + GC_TIME <= this.now) record.reset()
    this.store.collectGarbage(GC_TIME)
    for (const id of this.subscriptions.keys())
      if (!this.store.has(id)) this.fail('collected', `${id} was collected while subscribed`)
    for (const { record } of this.records)
      for (const id of record.ids())
        if (!this.store.has(id)) this.fail('collected', `${id} was collected while a cached list holds it`)
    for (const id of this.shown.keys()) if (!this.store.has(id)) this.shown.delete(id)
    return []
  }

  /** Forward only (while the entry lives) and never undeleted after a confirmed delete. */
  private checkJob(state: VideoJobState): void {
    if (this.confirmed.has(state.id) && !state.isDeleted)
      this.fail('resurrection', `${state.id} undeleted after its delete`)
    if (state.status === undefined) return
    const shown = this.shown.get(state.id)
    const rank = statusRank(state.status)
    if (shown && (rank < shown.rank || (rank === shown.rank && rank === 2 && state.status !== shown.status)))
      this.fail('regression', `${state.id} status ${state.status} after ${shown.status}`)
    if (shown && state.progress < shown.progress)
      this.fail('regression', `${state.id} progress ${state.progress} after ${shown.progress}`)
    if (!shown || rank > shown.rank || state.progress > shown.progress)
      this.shown.set(state.id, { rank, status: state.status, progress: state.progress })
  }

  /** Cursor order, no duplicates, no deleted row, and exactly the loaded ids that are not deleted. */
  private checkList(order: 'asc' | 'desc', state: VideoListState): void {
    const ids = state.videos.map((video) => video.id)
    const sorted = [...ids].sort()
    if (order === 'desc') sorted.reverse()
    if (new Set(ids).size !== ids.length) this.fail('list', `${order} list has duplicates: ${ids.join()}`)
    if (ids.join() !== sorted.join()) this.fail('list', `${order} list out of cursor order: ${ids.join()}`)
    for (const id of ids)
      if (this.store.isDeleted(id)) this.fail('resurrection', `${order} list shows deleted ${id}`)
  }

  private checkLists(): void {
    for (const { query, record } of this.records) {
      const expected = [...record.ids()].filter((id) => !this.store.isDeleted(id) && this.store.getVideo(id))
      const rows = record.getState().videos
      if (rows.map((video) => video.id).join() !== expected.join())
        this.fail(
          'list',
          `${query.order} list rows [${rows.map((v) => v.id).join()}] are not its pages [${expected.join()}]`,
        )
      for (const row of rows)
        if (row !== this.store.getVideo(row.id))
          this.fail('identity', `row ${row.id} is not the cached video`)
      this.checkList(query.order, record.getState())
    }
  }

  /** A failed delete: where the pages are as they were, the rows are exactly as before the hide. */
  private checkRollback(id: string): void {
    const before = this.deleting.get(id) ?? []
    this.records.forEach(({ query, record }, i) => {
      const pages = before[i]
      if (pages === undefined || pages !== [...record.ids()].join()) return
      const rows = [...record.ids()].filter(
        (other) => !this.store.isDeleted(other) && this.store.getVideo(other),
      )
      const shown = record.getState().videos.map((video) => video.id)
      if (shown.join() !== rows.join() || (pages.split(',').includes(id) && !shown.includes(id)))
        this.fail('delete', `${query.order} list did not take ${id} back at its place: [${shown.join()}]`)
    })
  }

  private identities(): { states: Map<string, VideoJobState>; lists: VideoListState[] } {
    const states = new Map<string, VideoJobState>()
    for (const job of this.server) if (this.store.has(job.id)) states.set(job.id, this.store.getState(job.id))
    return { states, lists: this.records.map(({ record }) => record.getState()) }
  }

  /** Structural sharing: jobs the operation did not touch keep their state object, and their rows. */
  private checkIdentity(before: ReturnType<Harness['identities']>, touched: readonly string[]): void {
    for (const [id, state] of before.states) {
      if (!this.store.has(id)) continue
      const after = this.store.getState(id)
      if (!touched.includes(id) && after !== state) this.fail('identity', `${id} changed though untouched`)
      if (after.video !== state.video && dequal(after.video, state.video))
        this.fail('identity', `${id}: equal data, new object`)
    }
    this.records.forEach(({ query, record }, i) => {
      const previous = new Map((before.lists[i]?.videos ?? []).map((video) => [video.id, video]))
      for (const row of record.getState().videos) {
        const old = previous.get(row.id)
        if (old && old !== row && !touched.includes(row.id))
          this.fail('identity', `${query.order} row ${row.id} changed though untouched`)
      }
    })
  }

  private fail(kind: FindingKind, message: string): void {
    this.findings.add(kind, message)
  }
}

function current(job: ServerJob): Video {
  return job.versions[job.version] as Video
}
