import type { MockFault, MockProfileName, MockRequestLogEntry, MockVideoApi } from '@vidjob/mock-api'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Findings } from '../soak/findings'
import { JobObservers } from '../soak/job-observers'
import { setup, START } from '../test/harness'
import { PROFILES, transportFor } from '../test/profiles'
import { propertySeeds, replayable } from '../test/property-seed'
import type { VideoClient } from './types'

afterEach(() => {
  vi.useRealTimers()
})

type Op =
  | { readonly kind: 'tick'; readonly ms: number }
  | { readonly kind: 'fault'; readonly on: 'list' | 'retrieve'; readonly fault: MockFault }
  | { readonly kind: 'watch' | 'refetch'; readonly pick: number }
  | { readonly kind: 'end'; readonly pick: number; readonly fails: boolean }
  | { readonly kind: 'page' }

/**
 * Faults a real server (or the network before it) produces. A 404 on a retrieve comes once at a time, and
 * never on a job whose latest retrieve was one: two in a row are the server's word that the job is gone,
 * which the client rightly believes.
 */
const faultArb: fc.Arbitrary<MockFault> = fc.oneof(
  fc.constantFrom(404, 405, 500, 501, 502, 503).map((status): MockFault => ({ type: 'error', status })),
  fc.integer({ min: 100, max: 5_000 }).map((ms): MockFault => ({ type: 'rate-limit', retryAfterMs: ms })),
  fc.constantFrom<MockFault>({ type: 'drop' }, { type: 'schema' }, { type: 'malformed' }),
  fc.integer({ min: 100, max: 4_000 }).map((ms): MockFault => ({ type: 'reorder', ms })),
)

const isNotFound = (fault: MockFault): boolean => fault.type === 'error' && fault.status === 404

/** A retrieve whose answer says whether the job exists: a clean 200, or a 404 fault (maybe still in flight). */
const tellsExistence = (entry: MockRequestLogEntry): boolean =>
  entry.fault === 'error'
    ? (entry.status ?? 404) === 404
    : entry.status === 200 && (entry.fault === undefined || entry.fault === 'reorder')

const pick = fc.nat()
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 9_000 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      on: fc.constantFrom('list' as const, 'retrieve' as const),
      fault: faultArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('watch' as const, 'refetch' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('end' as const), pick, fails: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'page' as const }) },
)

const worldArb = fc.record({
  profile: fc.constantFrom<MockProfileName>(...PROFILES),
  jobs: fc.integer({ min: 1, max: 5 }),
  ops: fc.array(opArb, { minLength: 5, maxLength: 40 }),
})

type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never

/** One run against a profile's mock: jobs created through the client, then ops; findings collected. */
class ServerRun {
  readonly findings = new Findings(() => Date.now() - START)
  readonly ids: string[] = []
  readonly #observers: JobObservers
  readonly #releases: (() => void)[] = []

  constructor(
    readonly api: MockVideoApi,
    readonly client: VideoClient,
  ) {
    this.#observers = new JobObservers(client, this.findings, () => false)
  }

  /** The mock's own job behind the app's `index`-th id (jobs are created in order, prompt `job <index>`). */
  serverJob(index: number) {
    return this.api.jobs.all().find((job) => job.prompt === `job ${index}`)
  }

  async apply(op: Op): Promise<void> {
    if (op.kind === 'tick') await vi.advanceTimersByTimeAsync(op.ms)
    else if (op.kind === 'fault') this.#fault(op.on, op.fault)
    else if (op.kind === 'page') this.#mustResolve(this.client.list().refresh(), 'list refresh')
    else this.#onJob(op)
    await vi.advanceTimersByTimeAsync(0)
  }

  /** No watched job that the server still has reads deleted, and a refresh brings the truth back. */
  verifyAlive(): void {
    this.ids.forEach((id, index) => {
      if (this.serverJob(index) && this.client.getJob(id).isDeleted)
        this.findings.add('resurrection', `${id} reads deleted while the server still has it`)
    })
  }

  #fault(on: 'list' | 'retrieve', fault: MockFault): void {
    if (on === 'retrieve' && isNotFound(fault) && (this.#notFoundPending() || this.#notFoundLast())) return
    this.api.faults.next(fault, { endpoint: on })
  }

  #notFoundPending(): boolean {
    return this.api.faults.rules.some((rule) => isNotFound(rule.fault) && rule.endpoint === 'retrieve')
  }

  /**
   * Whether some job's latest telling retrieve (a 200 or a 404; 429s, 5xx and lost answers tell nothing)
   * was, or in flight may be, a 404 fault: its next one must not be another.
   */
  #notFoundLast(): boolean {
    const latest = new Map<string, MockRequestLogEntry>()
    for (const entry of this.api.log)
      if (entry.endpoint === 'retrieve' && entry.id && tellsExistence(entry)) latest.set(entry.id, entry)
    return [...latest.values()].some((entry) => entry.fault === 'error')
  }

  #onJob(op: Extract<Op, { pick: number }>): void {
    const index = op.pick % this.ids.length
    const id = this.ids[index] as string
    if (op.kind === 'watch') this.#releases.push(this.#observers.observe(id))
    else if (op.kind === 'refetch') this.#mustResolve(this.client.refetch(id), `refetch(${id})`)
    else if (op.kind === 'end') {
      const job = this.serverJob(index)
      if (!job || job.status === 'completed' || job.status === 'failed') return
      if (op.fails) this.api.jobs.fail(job.id)
      else this.api.jobs.complete(job.id)
    }
  }

  #mustResolve(promise: Promise<void>, what: string): void {
    promise.catch((error: unknown) => {
      // A list on a server without one is refused with a typed error: the only rejection expected.
      if (!(error instanceof Error && /cannot list videos/.test(error.message)) && this.api.profile.list)
        this.findings.add('subscriber-error', `${what} rejected: ${String(error)}`)
    })
  }

  dispose(): void {
    this.#releases.forEach((release) => release())
    this.client.dispose()
  }
}

/**
 * Found by a fresh seed: the watch's first retrieve took one 404, so a second 404 fault was allowed and
 * took the confirming retrieve of the same job, which the client rightly believed.
 */
const SECOND_404_ON_A_CONFIRM: World = {
  profile: 'openai',
  jobs: 3,
  ops: [
    { kind: 'fault', on: 'retrieve', fault: { type: 'error', status: 404 } },
    { kind: 'fault', on: 'retrieve', fault: { type: 'reorder', ms: 100 } },
    { kind: 'watch', pick: 0 },
    { kind: 'fault', on: 'retrieve', fault: { type: 'error', status: 404 } },
    { kind: 'fault', on: 'list', fault: { type: 'reorder', ms: 100 } },
    { kind: 'refetch', pick: 1 },
    { kind: 'tick', ms: 1 },
  ],
}

/** Found by a fresh seed too: a 429 between two 404s tells nothing, so the two were in a row. */
const SECOND_404_AFTER_A_429: World = {
  profile: 'new-api',
  jobs: 1,
  ops: [
    { kind: 'fault', on: 'retrieve', fault: { type: 'error', status: 404 } },
    { kind: 'fault', on: 'retrieve', fault: { type: 'rate-limit', retryAfterMs: 100 } },
    { kind: 'watch', pick: 0 },
    { kind: 'tick', ms: 4_206 },
    { kind: 'fault', on: 'list', fault: { type: 'schema' } },
    { kind: 'end', pick: 0, fails: false },
    { kind: 'fault', on: 'retrieve', fault: { type: 'error', status: 404 } },
  ],
}

describe.each(propertySeeds([20261205]))(
  'every profile, with faults on (property-based, $label)',
  ({ seed }) => {
    it('never regresses a status or progress, and never takes a job the server has for deleted', async () => {
      await replayable(seed, () =>
        fc.assert(
          fc.asyncProperty(worldArb, async ({ profile, jobs, ops }) => {
            const { api, client, advance } = setup({
              mock: { profile, latencyMs: [50, 400] },
              transport: transportFor(profile),
            })
            const run = new ServerRun(api, client)
            try {
              for (let i = 0; i < jobs; i++) {
                const creating = client.create({ prompt: `job ${i}` })
                await advance(1_000)
                run.ids.push((await creating).id)
              }
              for (const op of ops) {
                await run.apply(op)
                run.verifyAlive()
              }
              await advance(120_000)
              run.verifyAlive()
            } finally {
              run.dispose()
              vi.useRealTimers()
            }
            expect(run.findings.messages('regression')).toEqual([])
            expect(run.findings.messages('collected')).toEqual([])
            expect(run.findings.messages('resurrection')).toEqual([])
            expect(run.findings.messages('subscriber-error')).toEqual([])
          }),
          { seed, numRuns: 40, examples: [[SECOND_404_ON_A_CONFIRM], [SECOND_404_AFTER_A_429]] },
        ),
      )
    }, 60_000)
  },
)
