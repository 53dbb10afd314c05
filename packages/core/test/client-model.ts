import { createMockVideoApi, type MockVideoApi } from '@vidjob/mock-api'
import { dequal } from 'dequal'
import fc from 'fast-check'
import { vi } from 'vitest'
import { CreationOrder } from '../soak/creation-order'
import { EventObserver } from '../soak/event-observer'
import { Findings } from '../soak/findings'
import { JobObservers } from '../soak/job-observers'
import { describeList, ListObservers } from '../soak/list-observers'
import { observedPagesKey, rowIds, snapshotLists, verifyRollback, type PagesKey } from '../soak/rollback'
import { recordWire, type WireRecorder } from '../soak/wire-recorder'
import { createVideoClient } from '../src/client'
import { createManualEnvironment } from '../src/sync/environment'
import { VideoApiError } from '../src/errors'
import { createFetchTransport } from '../src/transport/fetch-transport'
import type { Video } from '../src/schema/video'
import type { VideoClient, VideoListHandle } from '../src/types'

/**
 * The model behind the client's property tests, which run through the client, the fetch transport and
 * the mock API. Every answer is held
 * back when the mock has produced it (so it is the server's state when the request started) and
 * delivered when the test says, in any order: list pages of both orders, retrieves, creates, remixes,
 * deletes that succeed or fail, pushed updates and polls interleave arbitrarily. Every emission of
 * every subscription is checked by the soak's observers; identity is checked around every step.
 */

const START = Date.UTC(2026, 0, 1)
const BASE_URL = 'http://mock.local/v1'
/** Short, so entries nobody observes are collected during a run. */
const GC_TIME = 20_000

/** One job on the server before the client starts. */
interface SeedJob {
  readonly gapMs: number
  readonly queueMs: number
  readonly renderMs: number
  readonly failAt: number | undefined
}

type Op =
  | { readonly kind: 'deliver'; readonly pick: number }
  | { readonly kind: 'tick'; readonly ms: number }
  | { readonly kind: 'other-tab' }
  | { readonly kind: 'toggle-list' | 'next-page' | 'refresh'; readonly list: number }
  | { readonly kind: 'toggle-job' | 'refetch' | 'remix' | 'ingest'; readonly pick: number }
  | { readonly kind: 'create' }
  | { readonly kind: 'delete'; readonly pick: number; readonly succeeds: boolean }
  | { readonly kind: 'end'; readonly pick: number; readonly fails: boolean }

const seedJobArb: fc.Arbitrary<SeedJob> = fc.record({
  gapMs: fc.integer({ min: 0, max: 3_000 }),
  queueMs: fc.integer({ min: 0, max: 5_000 }),
  renderMs: fc.integer({ min: 1_000, max: 60_000 }),
  failAt: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
})

const list = fc.nat({ max: 1 })
const pick = fc.nat()
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 8_000 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'other-tab' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('toggle-list' as const), list }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('next-page' as const), list }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refresh' as const), list }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('toggle-job' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refetch' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remix' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('ingest' as const), pick }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'create' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick, succeeds: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('end' as const), pick, fails: fc.boolean() }) },
)

export const worldArb = fc.record({
  jobs: fc.array(seedJobArb, { maxLength: 10, size: 'max' }),
  ageMs: fc.integer({ min: 0, max: 90_000 }),
  ops: fc.array(opArb, { minLength: 10, maxLength: 60, size: 'max' }),
})

/** The server before the client starts: jobs created a few seconds apart, then aged. */
export function seedServer(jobs: readonly SeedJob[], ageMs: number): { api: MockVideoApi; ids: string[] } {
  vi.useFakeTimers({ now: START })
  const api = createMockVideoApi({ queueMs: 1_000, renderMs: 10_000 })
  const ids = jobs.map(({ gapMs, queueMs, renderMs, failAt }) => {
    vi.advanceTimersByTime(gapMs)
    const outcome = failAt === undefined ? 'completed' : { failAtProgress: failAt }
    return api.jobs.create({ prompt: 'seeded', queueMs, renderMs, outcome }).id
  })
  vi.advanceTimersByTime(ageMs)
  return { api, ids }
}

/** One run: a client over the held mock, driven by `ops`, every invariant recorded as a finding. */
export class Run {
  readonly findings = new Findings(() => Date.now() - START)
  private readonly wire: WireRecorder
  private readonly pagesKey: PagesKey
  private readonly client: VideoClient
  private readonly lists: readonly VideoListHandle[]
  private readonly jobObservers: JobObservers
  private readonly listObservers: ListObservers
  private readonly events: EventObserver
  private readonly ids: string[]
  private readonly deleting = new Set<string>()
  private readonly deleted = new Set<string>()
  private readonly listReleases = new Map<VideoListHandle, () => void>()
  private readonly jobReleases = new Map<string, () => void>()

  constructor(
    private readonly api: MockVideoApi,
    seeded: readonly string[],
  ) {
    this.ids = [...seeded]
    this.wire = recordWire(api.fetch, { now: () => Date.now(), hold: true })
    this.client = createVideoClient({
      transport: createFetchTransport({ baseURL: BASE_URL, fetch: this.wire.fetch }),
      environment: createManualEnvironment(),
      gcTime: GC_TIME,
    })
    this.events = new EventObserver(this.client, this.findings)
    const isDeleted = (id: string): boolean => this.deleted.has(id) || this.events.isConfirmedDeleted(id)
    const createdHere = (id: string): boolean => this.wire.created.has(id)
    this.jobObservers = new JobObservers(this.client, this.findings, isDeleted)
    this.listObservers = new ListObservers(this.client, this.findings, {
      order: new CreationOrder(api.jobs),
      isConfirmedDeleted: isDeleted,
      createdHere,
      mustFillGap: (id) => !this.deleting.has(id) && !isDeleted(id) && api.jobs.get(id) !== undefined,
    })
    this.pagesKey = observedPagesKey(this.listObservers, this.wire)
    this.lists = [this.client.list({ limit: 3 }), this.client.list({ order: 'asc', limit: 2 })]
  }

  async apply(op: Op): Promise<void> {
    const before = this.entities()
    if (op.kind === 'deliver') this.wire.held[op.pick % Math.max(1, this.wire.held.length)]?.deliver()
    else if (op.kind === 'tick') await vi.advanceTimersByTimeAsync(op.ms)
    else this.act(op)
    await settle()
    this.verifyIdentity(before)
    this.jobObservers.verifySnapshots()
    this.listObservers.verifySnapshots()
  }

  /** Everything unsubscribed, every answer delivered: each started operation finishes. */
  async drain(): Promise<void> {
    this.listReleases.forEach((release) => release())
    this.jobReleases.forEach((release) => release())
    for (let i = 0; i < 200 && this.wire.held.length > 0; i++) await this.apply({ kind: 'deliver', pick: 0 })
    if (this.wire.held.length > 0)
      this.findings.add('subscriber-error', 'requests kept coming with nothing observed')
    // A tombstone nothing holds is freed (docs/polling.md, "Tombstones"): the id is then unknown, not
    // deleted, and a resurrection is its data coming back.
    for (const id of this.deleted) {
      const job = this.client.getJob(id)
      if (!job.isDeleted && job.video !== undefined)
        this.findings.add('resurrection', `${id} reads not deleted, with data`)
    }
    this.client.dispose()
    this.events.stop()
  }

  private act(op: Exclude<Op, { kind: 'deliver' | 'tick' }>): void {
    switch (op.kind) {
      case 'other-tab':
        this.ids.push(this.api.jobs.create({ prompt: 'other tab' }).id)
        return
      case 'toggle-list':
        return this.toggleList(this.listAt(op.list))
      case 'next-page':
        return this.mustResolve(this.listAt(op.list).fetchNextPage())
      case 'refresh':
        return this.mustResolve(this.listAt(op.list).refresh())
      case 'create':
        return void this.client.create({ prompt: 'created here' }).then(
          (video) => this.ids.push(video.id),
          (error: unknown) => this.findings.add('subscriber-error', `create rejected: ${String(error)}`),
        )
      case 'end':
        return this.end(op.pick, op.fails)
      case 'delete':
        return this.delete(op.pick, op.succeeds)
      default:
        return this.actOnJob(op.kind, this.idAt(op.pick))
    }
  }

  private actOnJob(kind: 'toggle-job' | 'refetch' | 'remix' | 'ingest', id: string | undefined): void {
    if (id === undefined) return
    if (kind === 'toggle-job') return this.toggleJob(id)
    if (kind === 'refetch') return this.mustResolve(this.client.refetch(id))
    const video = this.api.jobs.get(id)
    if (kind === 'ingest' && video) return this.client.ingest(video)
    if (kind !== 'remix') return
    void this.client.remix(id, { prompt: 'remixed here' }).then(
      (remix) => this.ids.push(remix.id),
      (error: unknown) => {
        // Remixing an unfinished or deleted job is refused (400, 404): the only rejections expected.
        if (!(error instanceof VideoApiError && (error.status === 400 || error.status === 404)))
          this.findings.add('subscriber-error', `remix rejected: ${String(error)}`)
      },
    )
  }

  /** Every cached video and every list row, by id. */
  private entities(): { videos: Map<string, Video | undefined>; rows: Map<string, Video>[] } {
    return {
      videos: new Map(this.ids.map((id) => [id, this.client.getJob(id).video])),
      rows: this.lists.map((handle) => new Map(handle.getState().videos.map((video) => [video.id, video]))),
    }
  }

  /**
   * Structural sharing: equal data keeps its object (so an answer about one job leaves every other job
   * and row `===`), and a list row is the cached video itself.
   */
  private verifyIdentity(before: ReturnType<Run['entities']>): void {
    const kept = (id: string, previous: Video | undefined, next: Video | undefined): void => {
      if (previous && next && previous !== next && dequal(previous, next))
        this.findings.add('identity', `${id}: equal data replaced its object`)
    }
    for (const [id, video] of before.videos) kept(id, video, this.client.getJob(id).video)
    this.lists.forEach((handle, i) => {
      for (const row of handle.getState().videos) {
        kept(row.id, before.rows[i]?.get(row.id), row)
        if (row !== this.client.getJob(row.id).video)
          this.findings.add('identity', `row ${row.id} of ${describeList(handle)} is not the cached video`)
      }
    })
  }

  private delete(pick: number, succeeds: boolean): void {
    const id = this.idAt(pick)
    if (id === undefined || this.deleting.has(id) || this.deleted.has(id)) return
    if (!succeeds) this.api.faults.next({ type: 'error', status: 500 }, { endpoint: 'delete', id })
    const snapshots = snapshotLists(this.lists, this.pagesKey)
    this.deleting.add(id)
    const deleting = this.client.delete(id)
    if (!this.client.getJob(id).isDeleted)
      this.findings.add('delete', `${id} not isDeleted right after delete()`)
    if (this.lists.some((handle) => rowIds(handle).includes(id)))
      this.findings.add('delete', `${id} still in a list right after delete()`)
    deleting.then(
      () => {
        this.deleting.delete(id)
        this.deleted.add(id)
        if (this.lists.some((handle) => rowIds(handle).includes(id)))
          this.findings.add('resurrection', `${id} in a list after its delete succeeded`)
      },
      () => {
        this.deleting.delete(id)
        if (succeeds) this.findings.add('delete', `delete(${id}) failed, but the server deleted it`)
        if (this.client.getJob(id).isDeleted)
          this.findings.add('delete', `${id} reads deleted after a failed delete`)
        verifyRollback(this.findings, id, snapshots, this.pagesKey)
      },
    )
  }

  private end(pick: number, fails: boolean): void {
    const id = this.idAt(pick)
    const video = id === undefined ? undefined : this.api.jobs.get(id)
    if (!video || video.status === 'completed' || video.status === 'failed') return
    if (fails) this.api.jobs.fail(video.id)
    else this.api.jobs.complete(video.id)
  }

  private toggleList(handle: VideoListHandle): void {
    toggle(this.listReleases, handle, () => this.listObservers.observe(handle))
  }

  private toggleJob(id: string): void {
    toggle(this.jobReleases, id, () => this.jobObservers.observe(id))
  }

  private listAt(index: number): VideoListHandle {
    return this.lists[index % this.lists.length] as VideoListHandle
  }

  private idAt(pick: number): string | undefined {
    return this.ids[pick % Math.max(1, this.ids.length)]
  }

  private mustResolve(promise: Promise<void>): void {
    promise.catch((error: unknown) => this.findings.add('subscriber-error', `rejected: ${String(error)}`))
  }
}

/** Unsubscribes if subscribed, subscribes otherwise. */
function toggle<K>(releases: Map<K, () => void>, key: K, subscribe: () => () => void): void {
  const release = releases.get(key)
  releases.delete(key)
  if (release) release()
  else releases.set(key, subscribe())
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await vi.advanceTimersByTimeAsync(0)
}
