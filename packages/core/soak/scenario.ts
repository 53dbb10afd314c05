import {
  createFetchTransport,
  createManualEnvironment,
  createVideoClient,
  VideoClientError,
  type VideoClient,
  type VideoListHandle,
} from '@vidjob/core'
import { createMockVideoApi, type MockVideo, type MockVideoApi } from '@vidjob/mock-api'
import { Agenda } from './agenda'
import { CreationOrder } from './creation-order'
import { EventObserver } from './event-observer'
import { Findings, type FindingKind } from './findings'
import { JobObservers } from './job-observers'
import { describeList, ListObservers } from './list-observers'
import { createSoakRandom, type SoakRandom } from './random'
import {
  observedPagesKey,
  rowIds,
  snapshotLists,
  verifyRollback,
  type ListSnapshot,
  type PagesKey,
} from './rollback'
import { countByEndpoint, countFaults, pauseViolations } from './request-audit'
import { finalStateMismatch, waitVerdict, type WaitOutcome } from './verdicts'
import { recordWire, type WireRecorder } from './wire-recorder'

/** Options of {@link runSoak}. */
export interface SoakOptions {
  /** Seeds the mock (job timings, outcomes, faults, latency) and every choice of the driver. */
  readonly seed: number
  /** Simulated length of the run, the settling period (1 s a job, at least the last 5 minutes) included. At least 10. */
  readonly minutes: number
  /** Jobs to create; default 200 per 30 simulated minutes. */
  readonly jobs?: number | undefined
  /** Moves time forward by `ms` and lets everything due settle (fake timers in tests). */
  advance(ms: number): Promise<void>
  /**
   * Test support only: wraps the client the driver uses, or the `fetch` it sends through, to plant a
   * defect and show that the soak reports it (`plants.ts`).
   */
  readonly plant?: SoakPlant | undefined
}

/** A defect planted in what the soak drives: a broken client double, or a broken wire under a real one. */
export interface SoakPlant {
  client?(client: VideoClient): VideoClient
  fetch?(fetch: typeof globalThis.fetch): typeof globalThis.fetch
}

/** What a soak run did and every invariant it saw broken (each list is empty when the run is clean). */
export interface SoakReport {
  readonly seed: number
  readonly minutes: number
  readonly jobs: {
    readonly planned: number
    readonly viaClient: number
    readonly viaOtherTab: number
    /** Created by a `create` whose answer was lost (the server stored the job, the client got an error). */
    readonly viaLostAnswer: number
    readonly completed: number
    readonly failed: number
  }
  readonly creates: {
    readonly attempts: number
    readonly failures: number
    /** Failed creates that the server did: each surfaced as an error and left a job to find. */
    readonly lostAnswers: number
    /** Of those jobs, how many a list showed (the next page that reached them did). */
    readonly listedAfterLoss: number
  }
  readonly deletes: {
    readonly attempts: number
    readonly succeeded: number
    readonly failed: number
    /** Deletes the server did whose answer was lost (a 503 after the work): each job must end deleted. */
    readonly lostAnswers: number
    /** Of those, the ones the client could not settle at once (its look failed too): it had to find out later. */
    readonly failedYetDone: number
    /** Failed deletes whose lists kept their other rows, so the exact order could be compared. */
    readonly exactRollbacksCompared: number
  }
  readonly waits: { readonly total: number; readonly resolved: number; readonly rejected: number }
  readonly emissions: { readonly job: number; readonly list: number }
  /** `events$`, by type. */
  readonly events: Readonly<Record<'updated' | 'completed' | 'failed' | 'deleted', number>>
  /** Faults the mock injected, by type (`after-work` counts the replacing faults that struck after the work). */
  readonly faults: Readonly<Record<string, number>>
  readonly requests: {
    readonly total: number
    readonly byEndpoint: Readonly<Record<string, number>>
    /** Minutes each job spent queued or rendering (until it ended or was deleted), summed. */
    readonly liveJobMinutes: number
    readonly perLiveJobMinute: number
    /** Log entries without a final status right after `dispose()`. */
    readonly inFlightAfterDispose: number
  }
  readonly rateLimits: { readonly answers: number; readonly pausedMs: number }
  /** How many times the server extended a completed video's `expires_at`. */
  readonly expiryExtensions: number
  readonly findings: Readonly<Record<FindingKind, readonly string[]>>
  readonly findingCounts: Readonly<Record<FindingKind, number>>
}

const SECOND = 1_000
const MINUTE = 60 * SECOND
/** Faults stop at least this long before the end; watchers on every job then let the cache catch up. */
const MIN_SETTLE_MS = 5 * MINUTE
/**
 * Settling time per job: each job the cache forgot (collected while nobody observed it) costs one
 * retrieve when the final watchers arrive. The poller runs 4 at a time and latency averages 2.5 s, so
 * about 0.6 s a job; 1 s leaves room for the backoff of the last faulted polls.
 */
const SETTLE_MS_PER_JOB = SECOND
/** The driver looks at snapshots at least this often. */
const MAX_STEP_MS = SECOND
/** How often the server extends completed videos' lifetimes, and by how much. */
const EXTENSION_EVERY_MS = 7 * SECOND
const EXTENSION_SECONDS = 60
const JOBS_PER_30_MINUTES = 200
const BASE_URL = 'http://mock.local/v1'

/**
 * Runs the fault-injected soak scenario: jobs created over the first third of the run (most through
 * `client.create`, retried when it fails, some by "another tab" straight on the mock), renders of 1–5
 * minutes with 10 % failures, 500s, 429 bursts, dropped connections, malformed and schema-breaking
 * bodies and up to 5 s of latency, deletes (some failing) racing polls and list refreshes, observers
 * that come and go, and two lists paged back and forth. Every emission is checked as it happens; after
 * the faults stop and the cache settles, the cache is compared with the server's truth.
 *
 * Time is whatever `advance` moves: the spec passes vitest's fake timers, which drive the client and
 * the mock alike. Install them before calling.
 *
 * @example
 * vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) })
 * const advance = async (ms: number) => void (await vi.advanceTimersByTimeAsync(ms))
 * const report = await runSoak({ seed: 1, minutes: 30, advance })
 * expect(report.findings.regression).toEqual([])
 */
export function runSoak(options: SoakOptions): Promise<SoakReport> {
  return new SoakRun(options, planTimeline(options)).execute()
}

/** When things happen in a run, in ms from its start. */
interface Timeline {
  readonly jobs: number
  /** Jobs are created over the first third of the run. */
  readonly creationWindowMs: number
  readonly faultsEndMs: number
  readonly endMs: number
}

function planTimeline({ minutes, jobs: requested }: SoakOptions): Timeline {
  const jobs = requested ?? Math.round((JOBS_PER_30_MINUTES * minutes) / 30)
  const endMs = minutes * MINUTE
  const creationWindowMs = endMs / 3
  const faultsEndMs = endMs - Math.max(MIN_SETTLE_MS, jobs * SETTLE_MS_PER_JOB)
  if (!(minutes >= 10) || faultsEndMs <= creationWindowMs)
    throw new RangeError(
      `${minutes} minutes cannot hold ${jobs} jobs: a soak needs at least 10 minutes, and its settling time (1 s a job, at least 5 minutes) must leave the faults running past the first third, while jobs are created.`,
    )
  return { jobs, creationWindowMs, faultsEndMs, endMs }
}

interface JobRecord {
  readonly id: string
  readonly via: 'client' | 'other-tab' | 'lost-answer'
  /** When the server created it (ms). */
  readonly createdAt: number
  /** When the soak learned of it (ms). */
  readonly adoptedAt: number
  deleting: boolean
  /** Its delete succeeded. */
  deleted: boolean
  deletedAt: number | undefined
  /** A delete answered with an error, yet the server deleted the job: the client must find out. */
  deletedBehindError: boolean
  wait: WaitOutcome | undefined
}

class SoakRun {
  private readonly random: SoakRandom
  private readonly agenda = new Agenda()
  private readonly api: MockVideoApi
  private readonly client: VideoClient
  private readonly wire: WireRecorder
  private readonly pagesKey: PagesKey
  private readonly findings: Findings
  private readonly order: CreationOrder
  private readonly jobObservers: JobObservers
  private readonly listObservers: ListObservers
  private readonly events: EventObserver
  private readonly lists: readonly VideoListHandle[]
  private readonly records = new Map<string, JobRecord>()
  /**
   * Each deleted job as the server had it when it deleted it. A delete acts after its latency, so the job
   * may have ended between the send and the deletion, and a client that saw that end was right.
   */
  private readonly truthAtRemoval = new Map<string, MockVideo>()
  /** Jobs of lost create answers that no list page has shown since the soak learned of them. */
  private readonly unlisted = new Set<JobRecord>()
  private readonly startedAt: number
  private readonly faultsEndAt: number
  private readonly endAt: number
  private settling = false
  private readonly stats = {
    createAttempts: 0,
    createFailures: 0,
    lostCreates: 0,
    listedAfterLoss: 0,
    deleteAttempts: 0,
    deleteSucceeded: 0,
    deleteFailed: 0,
    lostDeletes: 0,
    exactRollbacks: 0,
    expiryExtensions: 0,
  }

  constructor(
    private readonly options: SoakOptions,
    private readonly timeline: Timeline,
  ) {
    this.random = createSoakRandom(options.seed)
    this.api = createMockVideoApi({
      seed: options.seed,
      failRate: 0.1,
      queueMs: 2 * SECOND,
      latencyMs: [0, 5 * SECOND],
      renderMs: (_job, random) => MINUTE + Math.floor(random() * 4 * MINUTE),
    })
    this.watchRemovals()
    this.startedAt = this.now()
    this.faultsEndAt = this.startedAt + timeline.faultsEndMs
    this.endAt = this.startedAt + timeline.endMs
    this.wire = recordWire(this.api.fetch, { now: () => this.now() })
    const { plant } = options
    const client = createVideoClient({
      transport: createFetchTransport({
        baseURL: BASE_URL,
        fetch: plant?.fetch?.(this.wire.fetch) ?? this.wire.fetch,
      }),
      environment: createManualEnvironment(),
    })
    this.client = plant?.client?.(client) ?? client
    this.findings = new Findings(() => this.now() - this.startedAt)
    this.events = new EventObserver(this.client, this.findings)
    this.order = new CreationOrder(this.api.jobs)
    const isDeleted = (id: string): boolean =>
      this.records.get(id)?.deleted === true || this.events.isConfirmedDeleted(id)
    const createdHere = (id: string): boolean => this.wire.created.has(id)
    this.jobObservers = new JobObservers(this.client, this.findings, isDeleted)
    this.listObservers = new ListObservers(this.client, this.findings, {
      order: this.order,
      isConfirmedDeleted: isDeleted,
      createdHere,
      mustFillGap: (id) => {
        const record = this.records.get(id)
        return !record?.deleting && !record?.deleted && this.api.jobs.get(id) !== undefined
      },
    })
    this.pagesKey = observedPagesKey(this.listObservers, this.wire)
    this.lists = [this.client.list({ limit: 20 }), this.client.list({ order: 'asc' })]
  }

  /** Records each job's state at the moment the mock deletes it (the mock keeps no deleted state). */
  private watchRemovals(): void {
    const { jobs } = this.api
    const remove = jobs.remove.bind(jobs)
    jobs.remove = (id) => {
      const truth = jobs.get(id)
      if (truth) this.truthAtRemoval.set(id, truth)
      return remove(id)
    }
  }

  async execute(): Promise<SoakReport> {
    this.installFaults()
    this.planSureFaults()
    this.planCreations()
    this.planRateLimitBursts()
    this.planObserverChurn(this.startedAt + SECOND)
    this.planExpiryExtensions(this.startedAt + EXTENSION_EVERY_MS)
    for (const handle of this.lists)
      this.planListSession(handle, this.startedAt + this.random.int(0, 30 * SECOND))
    this.agenda.at(this.faultsEndAt, () => this.settle())
    await this.runUntil(this.endAt)
    for (const handle of this.lists) await this.verifyFinalList(handle)
    this.verifyFinalStates()
    this.client.dispose()
    this.events.stop()
    await this.options.advance(0)
    return this.report()
  }

  private now(): number {
    return this.api.now()
  }

  private async runUntil(end: number): Promise<void> {
    for (;;) {
      const now = this.now()
      this.agenda.runDue(now)
      if (now >= end) return
      const next = Math.min(this.agenda.nextAt() ?? end, now + MAX_STEP_MS, end)
      await this.options.advance(next - now)
      this.jobObservers.verifySnapshots()
      this.listObservers.verifySnapshots()
      this.noteListedAfterLoss()
    }
  }

  /**
   * Answers overtaken (about 9 % held 2, 5 or 8 s past their latency, their data read on arrival), reads
   * from a lagging replica (about 6 %, 3 or 10 s behind), writes whose answer is lost after the work (5 %
   * of creates, 10 % of deletes), 20 % 500s, 2 % drops, 1 % malformed and 1 % schema-breaking bodies, and
   * a quarter of the remaining deletes refused. Rules are tried in order, so each share is of the
   * requests the rules before it left.
   */
  private installFaults(): void {
    const { faults } = this.api
    for (const ms of [2 * SECOND, 5 * SECOND, 8 * SECOND])
      faults.add({ fault: { type: 'reorder', ms }, probability: 0.03 })
    // A lagging replica: later requests with older data, which only the forward-only merge can refuse.
    for (const ms of [3 * SECOND, 10 * SECOND])
      faults.add({ fault: { type: 'lag', ms }, method: 'GET', probability: 0.03 })
    const lost = { type: 'error', status: 503, after: 'work' } as const
    faults.add({ fault: lost, endpoint: 'create', probability: 0.05 })
    faults.add({ fault: lost, endpoint: 'delete', probability: 0.1 })
    faults.add({ fault: { type: 'error', status: 503 }, endpoint: 'delete', probability: 0.25 })
    faults.add({ fault: { type: 'error', status: 500 }, probability: 0.2 })
    faults.add({ fault: { type: 'drop' }, probability: 0.02 })
    faults.add({ fault: { type: 'malformed' }, probability: 0.01 })
    faults.add({ fault: { type: 'schema' }, probability: 0.01 })
  }

  /**
   * The rarer faults also come at least twice at seeded moments, so that every run, however short, has
   * each kind: a broken body of both sorts, a dropped connection, and creates and deletes done behind a
   * lost answer.
   */
  private planSureFaults(): void {
    const lost = { type: 'error', status: 503, after: 'work' } as const
    const sure = [
      [{ type: 'malformed' }, {}],
      [{ type: 'schema' }, {}],
      [{ type: 'drop' }, {}],
      [lost, { endpoint: 'create' }],
      [lost, { endpoint: 'delete' }],
    ] as const
    for (const [fault, match] of [...sure, ...sure]) {
      const at = this.startedAt + this.random.int(0, this.timeline.faultsEndMs - MINUTE)
      this.agenda.at(at, () => this.settling || this.api.faults.next(fault, match))
    }
  }

  /** Every few minutes, the next few requests get 429 with a Retry-After of 1–15 s. */
  private planRateLimitBursts(): void {
    for (
      let at = this.startedAt + this.random.int(MINUTE, 3 * MINUTE);
      at < this.faultsEndAt;
      at += this.random.int(90 * SECOND, 4 * MINUTE)
    ) {
      const fault = { type: 'rate-limit', retryAfterMs: this.random.int(SECOND, 15 * SECOND) } as const
      const times = this.random.int(2, 5)
      this.agenda.at(at, () => this.settling || this.api.faults.add({ fault, times }))
    }
  }

  private planCreations(): void {
    const { jobs, creationWindowMs } = this.timeline
    const offsets = Array.from({ length: jobs }, () => this.random.int(0, creationWindowMs)).sort(
      (a, b) => a - b,
    )
    offsets.forEach((offset, n) =>
      this.agenda.at(this.startedAt + offset, () =>
        this.random.chance(0.15) ? this.createInOtherTab(n) : this.createViaClient(n, 1),
      ),
    )
  }

  /**
   * The soak's own retry: a failed create is sent again later, as an app would. When the server did create
   * the job and only its answer was lost, the job is adopted too: it must show up with the next list page.
   */
  private createViaClient(n: number, attempt: number): void {
    this.stats.createAttempts++
    const prompt = `soak job ${n}, try ${attempt}`
    this.client.create({ prompt }).then(
      (video) => this.adopt(video.id, 'client', video.created_at * SECOND),
      (error: unknown) => {
        this.stats.createFailures++
        const made = this.api.jobs.all().find((video) => video.prompt === prompt)
        if (made) this.adoptLostCreate(made, error)
        const delay = Math.min(30 * SECOND, 2 ** attempt * SECOND) + this.random.int(0, SECOND)
        this.agenda.at(this.now() + delay, () => this.createViaClient(n, attempt + 1))
      },
    )
  }

  private adoptLostCreate(video: MockVideo, error: unknown): void {
    this.stats.lostCreates++
    if (!(error instanceof VideoClientError))
      this.findings.add(
        'lost-answer',
        `create of ${video.id} lost its answer and rejected with ${String(error)}`,
      )
    this.adopt(video.id, 'lost-answer', video.created_at * SECOND)
    this.unlisted.add(this.records.get(video.id) as JobRecord)
  }

  /**
   * Counts the jobs of lost create answers that a list shows. That they show up is the hole check's to
   * enforce: a list that loaded jobs on both sides of one must show it.
   */
  private noteListedAfterLoss(): void {
    for (const record of this.unlisted) {
      if (!this.lists.some((handle) => rowIds(handle).includes(record.id))) continue
      this.unlisted.delete(record)
      this.stats.listedAfterLoss++
    }
  }

  private createInOtherTab(n: number): void {
    const video = this.api.jobs.create({ prompt: `soak job ${n} (other tab)` })
    this.adopt(video.id, 'other-tab', video.created_at * SECOND)
  }

  private adopt(id: string, via: JobRecord['via'], createdAt: number): void {
    const record: JobRecord = {
      id,
      via,
      createdAt,
      adoptedAt: this.now(),
      deleting: false,
      deleted: false,
      deletedAt: undefined,
      deletedBehindError: false,
      wait: undefined,
    }
    this.records.set(id, record)
    if (this.settling) this.jobObservers.observe(id)
    if (this.random.chance(via === 'client' ? 0.5 : 0.3)) this.waitFor(record)
    if (this.random.chance(0.6)) this.openObserver(id, this.random.int(5 * SECOND, MINUTE))
    if (this.random.chance(0.2)) this.planDelete(id, this.now() + this.random.int(0, this.deleteWindow()))
  }

  /** Deletes come within 8 minutes of a job's creation, and before the faults end (so short runs have them too). */
  private deleteWindow(): number {
    return Math.max(0, Math.min(8 * MINUTE, this.faultsEndAt - 10 * SECOND - this.now()))
  }

  private waitFor(record: JobRecord): void {
    record.wait = { state: 'pending' }
    this.client.waitForCompletion(record.id).then(
      (video) => (record.wait = { state: 'resolved', video }),
      (error: unknown) => (record.wait = { state: 'rejected', error }),
    )
  }

  private openObserver(id: string, lifetime: number): void {
    this.agenda.at(this.now() + lifetime, this.jobObservers.observe(id))
  }

  /**
   * The server extends every completed video's lifetime now and then: a field the forward-only merge does
   * not rank, so only the request order keeps a reordered older answer from moving it back.
   */
  private planExpiryExtensions(at: number): void {
    this.agenda.at(at, () => {
      if (this.settling) return
      for (const video of this.api.jobs.all())
        if (this.records.has(video.id) && video.status === 'completed') {
          this.api.jobs.extendExpiry(video.id, EXTENSION_SECONDS)
          this.stats.expiryExtensions++
        }
      this.planExpiryExtensions(this.now() + EXTENSION_EVERY_MS)
    })
  }

  /** React-like churn: every 1–4 s a component mounts on a random job for 1–30 s (some mount twice, as StrictMode does). */
  private planObserverChurn(at: number): void {
    this.agenda.at(at, () => {
      if (this.settling) return
      const ids = [...this.records.keys()]
      if (ids.length > 0) {
        const id = this.random.pick(ids)
        if (this.random.chance(0.2)) this.jobObservers.observe(id)()
        this.openObserver(id, this.random.int(SECOND, 30 * SECOND))
      }
      this.planObserverChurn(this.now() + this.random.int(SECOND, 4 * SECOND))
    })
  }

  /**
   * A screen shows the list for 20 s–2 min (sometimes twice), pages and refreshes it, deletes a row now
   * and then, leaves, and comes back.
   */
  private planListSession(handle: VideoListHandle, at: number): void {
    this.agenda.at(at, () => {
      if (this.settling) return
      const releases = [this.listObservers.observe(handle)]
      if (this.random.chance(0.3)) releases.push(this.listObservers.observe(handle))
      const endsAt = this.now() + this.random.int(20 * SECOND, 2 * MINUTE)
      this.planListOperation(handle, endsAt)
      this.agenda.at(endsAt, () => {
        releases.forEach((release) => release())
        // Now and then the screen stays away past gcTime, so the list's cache is collected.
        const away = this.random.chance(0.1)
          ? this.random.int(6 * MINUTE, 7 * MINUTE)
          : this.random.int(5 * SECOND, 90 * SECOND)
        this.planListSession(handle, this.now() + away)
      })
    })
  }

  private planListOperation(handle: VideoListHandle, until: number): void {
    const at = this.now() + this.random.int(2 * SECOND, 15 * SECOND)
    if (at >= until) return
    this.agenda.at(at, () => {
      if (this.settling) return
      const roll = this.random.next()
      const rows = rowIds(handle)
      if (roll < 0.45) this.mustResolve(handle.fetchNextPage(), 'fetchNextPage()')
      else if (roll < 0.75) this.mustResolve(handle.refresh(), 'refresh()')
      // Someone deletes a row they see, and waits for it before paging or refreshing again (so the row
      // of a failed delete must come back at its exact place in that very list).
      else if (roll < 0.9 && rows.length > 0 && this.now() < this.faultsEndAt - 10 * SECOND) {
        const settled = this.deleteJob(this.random.pick(rows))
        if (settled) return void settled.then(() => this.planListOperation(handle, until))
      }
      this.planListOperation(handle, until)
    })
  }

  private mustResolve(promise: Promise<void>, what: string): void {
    promise.catch((error: unknown) =>
      this.findings.add('subscriber-error', `${what} rejected: ${String(error)}`),
    )
  }

  private planDelete(id: string, at: number): void {
    if (at < this.faultsEndAt - 10 * SECOND) this.agenda.at(at, () => void this.deleteJob(id))
  }

  /**
   * Deletes a job while polls and list refreshes are in flight, and checks the optimistic update at once.
   * Returns when the delete has settled (and been checked), or undefined when none was sent.
   */
  private deleteJob(id: string): Promise<void> | undefined {
    const record = this.records.get(id)
    if (!record || record.deleting || record.deleted || this.settling) return undefined
    record.deleting = true
    this.order.rankOf(id)
    const snapshots = snapshotLists(this.lists, this.pagesKey)
    if (this.random.chance(0.5)) this.race(id)
    this.stats.deleteAttempts++
    const deleting = this.client.delete(id)
    if (!this.client.getJob(id).isDeleted)
      this.findings.add('delete', `${id} not isDeleted right after delete()`)
    for (const handle of this.lists)
      if (rowIds(handle).includes(id))
        this.findings.add('delete', `${id} still in a list right after delete()`)
    if (this.random.chance(0.3)) this.race(id)
    return deleting.then(
      () => this.onDeleted(record),
      (error: unknown) => this.onDeleteFailed(record, snapshots, error),
    )
  }

  private race(id: string): void {
    if (this.random.chance(0.5)) this.mustResolve(this.random.pick(this.lists).refresh(), 'refresh()')
    else this.mustResolve(this.client.refetch(id), `refetch(${id})`)
  }

  private onDeleted(record: JobRecord): void {
    record.deleting = false
    record.deleted = true
    record.deletedAt ??= this.now()
    this.stats.deleteSucceeded++
    if (!this.client.getJob(record.id).isDeleted)
      this.findings.add('delete', `${record.id} not isDeleted after its delete succeeded`)
    for (const handle of this.lists)
      if (rowIds(handle).includes(record.id))
        this.findings.add('resurrection', `${record.id} in a list after its delete succeeded`)
  }

  /** A failed delete puts the row back at its exact place (compared where the list's other rows are unchanged). */
  private onDeleteFailed(record: JobRecord, snapshots: readonly ListSnapshot[], error: unknown): void {
    const { id } = record
    record.deleting = false
    this.stats.deleteFailed++
    if (!record.deletedBehindError && this.api.jobs.get(id) === undefined) {
      // The server deleted it and the answer was lost: the client takes it back now, and must learn.
      record.deletedBehindError = true
      record.deletedAt = this.now()
      this.stats.lostDeletes++
    }
    if (this.client.getJob(id).isDeleted && !this.events.isConfirmedDeleted(id))
      this.findings.add('delete', `${id} still reads deleted after its delete failed (${String(error)})`)
    this.stats.exactRollbacks += verifyRollback(this.findings, id, snapshots, this.pagesKey)
    if (this.random.chance(0.5)) this.planDelete(id, this.now() + this.random.int(5 * SECOND, MINUTE))
  }

  /** Faults stop; every job gets a watcher so the cache catches up with the server. */
  private settle(): void {
    this.settling = true
    this.api.faults.clear()
    for (const id of this.records.keys()) this.jobObservers.observe(id)
  }

  /** After a refresh, a list is exactly a prefix of the server's cursor order. */
  private async verifyFinalList(handle: VideoListHandle): Promise<void> {
    const release = this.listObservers.observe(handle)
    let done = false
    void handle.refresh().finally(() => (done = true))
    for (let waited = 0; !done && waited < 5 * MINUTE; waited += SECOND) await this.options.advance(SECOND)
    const ids = rowIds(handle)
    const all = this.api.jobs.all().map((video) => video.id)
    const server = handle.query.order === 'asc' ? all : all.reverse()
    const state = handle.getState()
    if (!done || state.error)
      this.findings.add('list', `final refresh of ${describeList(handle)} failed: ${String(state.error)}`)
    if (ids.join() !== server.slice(0, ids.length).join() || state.hasMore !== server.length > ids.length)
      this.findings.add(
        'list',
        `${describeList(handle)} is not a prefix of the server's order after a refresh`,
      )
    release()
  }

  private verifyFinalStates(): void {
    for (const record of this.records.values()) {
      const state = this.client.getJob(record.id)
      const truth = this.api.jobs.get(record.id)
      const gone = record.deleted || record.deletedBehindError
      if (record.deleting) this.findings.add('delete', `${record.id}: its delete never settled`)
      if (record.deleted) {
        if ((!state.isDeleted && state.video !== undefined) || truth)
          this.findings.add('final-state', `${record.id} deleted, yet not gone everywhere`)
      } else if (record.deletedBehindError) {
        if (!this.events.isConfirmedDeleted(record.id) || (!state.isDeleted && state.video !== undefined))
          this.findings.add('lost-answer', `${record.id} was deleted behind a 503, yet does not end deleted`)
      } else if (!truth)
        this.findings.add('final-state', `${record.id} is gone from the server, yet its deletes failed`)
      else {
        const mismatch = finalStateMismatch(state, truth)
        if (mismatch) this.findings.add('final-state', `${record.id}: ${mismatch}`)
      }
      if (record.wait) {
        const verdict = waitVerdict(record.wait, gone ? this.truthAtRemoval.get(record.id) : truth, gone)
        if (verdict) this.findings.add('wait', `waitForCompletion(${record.id}) ${verdict}`)
      }
    }
    for (const message of pauseViolations(this.api.log, this.wire.rateLimits))
      this.findings.add('pause', message)
  }

  private report(): SoakReport {
    const records = [...this.records.values()]
    const truths = records.map((record) => this.api.jobs.get(record.id) ?? this.truthAtRemoval.get(record.id))
    const liveMs = records.reduce(
      (sum, record, i) => sum + this.liveEnd(record, truths[i]) - record.createdAt,
      0,
    )
    const liveJobMinutes = liveMs / MINUTE
    const waits = records.flatMap((record) => (record.wait ? [record.wait] : []))
    return {
      seed: this.options.seed,
      minutes: this.options.minutes,
      jobs: {
        planned: this.timeline.jobs,
        viaClient: records.filter((record) => record.via === 'client').length,
        viaOtherTab: records.filter((record) => record.via === 'other-tab').length,
        viaLostAnswer: records.filter((record) => record.via === 'lost-answer').length,
        completed: truths.filter((truth) => truth?.status === 'completed').length,
        failed: truths.filter((truth) => truth?.status === 'failed').length,
      },
      creates: {
        attempts: this.stats.createAttempts,
        failures: this.stats.createFailures,
        lostAnswers: this.stats.lostCreates,
        listedAfterLoss: this.stats.listedAfterLoss,
      },
      deletes: {
        attempts: this.stats.deleteAttempts,
        succeeded: this.stats.deleteSucceeded,
        failed: this.stats.deleteFailed,
        lostAnswers: this.api.log.filter((entry) => entry.endpoint === 'delete' && entry.afterWork).length,
        failedYetDone: this.stats.lostDeletes,
        exactRollbacksCompared: this.stats.exactRollbacks,
      },
      waits: {
        total: waits.length,
        resolved: waits.filter((wait) => wait.state === 'resolved').length,
        rejected: waits.filter((wait) => wait.state === 'rejected').length,
      },
      emissions: { job: this.jobObservers.emissions, list: this.listObservers.emissions },
      events: { ...this.events.counts },
      faults: countFaults(this.api.log),
      requests: {
        total: this.api.log.length,
        byEndpoint: countByEndpoint(this.api.log),
        liveJobMinutes,
        perLiveJobMinute: this.api.log.length / liveJobMinutes,
        inFlightAfterDispose: this.api.log.filter((entry) => entry.status === undefined).length,
      },
      rateLimits: {
        answers: this.wire.rateLimits.length,
        pausedMs: this.wire.rateLimits.reduce((sum, answer) => sum + answer.retryAfterMs, 0),
      },
      expiryExtensions: this.stats.expiryExtensions,
      findings: this.findings.toRecord(),
      findingCounts: this.findings.countRecord(),
    }
  }

  /** When a job stopped being live: it ended (completed or failed) or its delete succeeded, whichever came first. */
  private liveEnd(record: JobRecord, truth: MockVideo | undefined): number {
    const endedAt =
      truth?.completed_at === null || truth === undefined ? undefined : truth.completed_at * SECOND
    return Math.min(endedAt ?? this.endAt, record.deletedAt ?? this.endAt)
  }
}
