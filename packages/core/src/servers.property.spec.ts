import type { MockFault, MockProfileName, MockVideoApi } from '@vidjob/mock-api'
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
 * Faults a real server (or the network before it) produces. A 404 on a retrieve comes once at a time: two
 * in a row are the server's word that the job is gone, which the client rightly believes.
 */
const faultArb: fc.Arbitrary<MockFault> = fc.oneof(
  fc.constantFrom(404, 405, 500, 501, 502, 503).map((status): MockFault => ({ type: 'error', status })),
  fc.integer({ min: 100, max: 5_000 }).map((ms): MockFault => ({ type: 'rate-limit', retryAfterMs: ms })),
  fc.constantFrom<MockFault>({ type: 'drop' }, { type: 'schema' }, { type: 'malformed' }),
  fc.integer({ min: 100, max: 4_000 }).map((ms): MockFault => ({ type: 'reorder', ms })),
)

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
    const pending404 = this.api.faults.rules.some(
      (rule) => rule.fault.type === 'error' && rule.fault.status === 404 && rule.endpoint === 'retrieve',
    )
    if (on === 'retrieve' && fault.type === 'error' && fault.status === 404 && pending404) return
    this.api.faults.next(fault, { endpoint: on })
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
          { seed, numRuns: 40 },
        ),
      )
    }, 60_000)
  },
)
