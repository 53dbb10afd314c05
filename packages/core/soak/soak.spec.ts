import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSoakRandom } from './random'
import type { FindingKind } from './findings'
import { runSoak, type SoakReport } from './scenario'
import { soakSettingsFromEnv } from './settings'

const settings = soakSettingsFromEnv(process.env)
/** Generous: the default 30-minute run takes about two seconds of real time, 240 minutes under a minute. */
const TIMEOUT_MS = settings.minutes * 10_000
/**
 * The request budget, per minute that a job spends queued or rendering. Polling each job alone on a
 * fixed 5 s beat costs 12; the adaptive interval alone (a poll per 5 progress points on 1–5 minute
 * renders) 4–20. The shared poller answers every due job among the newest 100 with one list request,
 * so even with every create retry, delete, list page, refresh and faulted poll counted, a quarter of the
 * naive rate is ample: seeds 1–20 of the 120-minute run measure 1.84–2.08 (soak/README.md).
 */
const REQUESTS_PER_LIVE_JOB_MINUTE = 3

let report: SoakReport
let timersAfterDispose: number
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason)
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) })
  // The client's backoff jitter draws from Math.random: seeded too, so a seed replays the same run.
  vi.spyOn(Math, 'random').mockImplementation(createSoakRandom(settings.seed + 1).next)
  report = await runSoak({ ...settings, advance: async (ms) => void (await vi.advanceTimersByTimeAsync(ms)) })
  timersAfterDispose = vi.getTimerCount()
  if (process.env.SOAK_REPORT) console.info(JSON.stringify(report, null, 2))
}, TIMEOUT_MS)

afterAll(() => {
  process.off('unhandledRejection', onUnhandled)
  vi.useRealTimers()
})

describe(`soak with faults (seed ${settings.seed}, ${settings.minutes} simulated minutes)`, () => {
  it('drove every job through its lifecycle under every kind of fault', () => {
    const { jobs, creates, deletes, rateLimits, waits, emissions, events, faults } = report
    expect(jobs.viaClient + jobs.viaOtherTab).toBe(jobs.planned)
    expect(jobs.viaOtherTab).toBeGreaterThan(0)
    expect(jobs.failed).toBeGreaterThan(0)
    expect(creates.failures).toBeGreaterThan(0)
    expect(deletes.succeeded).toBeGreaterThan(0)
    expect(deletes.failed).toBeGreaterThan(0)
    expect(deletes.exactRollbacksCompared).toBeGreaterThan(0)
    expect(rateLimits.answers).toBeGreaterThan(0)
    expect(waits.total).toBeGreaterThan(0)
    expect(emissions.job).toBeGreaterThan(jobs.planned)
    expect(emissions.list).toBeGreaterThan(0)
    expect(events.completed + events.failed).toBeGreaterThan(0)
    expect(report.expiryExtensions).toBeGreaterThan(0)
    expect(events.deleted).toBeGreaterThanOrEqual(deletes.succeeded)
    for (const type of ['error', 'rate-limit', 'drop', 'malformed', 'schema', 'reorder', 'lag', 'after-work'])
      expect(faults[type], `${type} faults`).toBeGreaterThan(0)
  })

  it('finds out about writes the server did behind a lost answer', () => {
    const { jobs, creates, deletes } = report
    // A create answered with an error that stored the job surfaced as an error; the job was cached
    // once a list page showed it, and ends exact like any other.
    expect(creates.lostAnswers).toBeGreaterThan(0)
    expect(jobs.viaLostAnswer).toBe(creates.lostAnswers)
    expect(creates.listedAfterLoss).toBeGreaterThan(0)
    // A delete that succeeded behind a 503 ends deleted, a `deleted` event included: at once when the
    // retrieve after it finds the job gone, else (rolled back) once a later look does.
    expect(deletes.lostAnswers).toBeGreaterThan(0)
    expect(report.findings['lost-answer']).toEqual([])
  })

  /** The invariants that one kind of finding stands for, each its own test so a report names it. */
  const ONE_KIND: readonly (readonly [string, FindingKind])[] = [
    ["ends with the server's true status, progress and error for every job not deleted", 'final-state'],
    [
      'settles every waitForCompletion: resolved if completed, VideoJobFailedError if failed, rejected if deleted',
      'wait',
    ],
    ['never emits a state that moves backwards', 'regression'],
    ['never brings back a deleted job, in a state, a row or new data', 'resurrection'],
    ['hides a deleted job at once, and puts a failed delete back at its exact place', 'delete'],
    ['keeps every list in cursor order without duplicates, and equal to the server after a refresh', 'list'],
    ['keeps getJob and getState equal to the last state each live subscriber received', 'snapshot'],
    ['keeps equal data in its object, and every row of a list the cached video itself', 'identity'],
    ['never collects a job someone watches, nor a row of a list someone shows', 'collected'],
    ["tells events$ of nothing after a confirmed delete, and of each job's end once", 'event'],
  ]

  it.each(ONE_KIND)('%s', (_name, kind) => {
    expect(report.findings[kind]).toEqual([])
  })

  it('never errors a subscriber, never rejects a list promise, leaves no unhandled rejection', () => {
    expect(report.findings['subscriber-error']).toEqual([])
    expect(unhandled).toEqual([])
  })

  it('leaves no timer and no request in flight after dispose', () => {
    expect(timersAfterDispose).toBe(0)
    expect(report.requests.inFlightAfterDispose).toBe(0)
  })

  it('sends no request during a Retry-After pause', () => {
    expect(report.rateLimits.answers).toBeGreaterThan(0)
    expect(report.findings.pause).toEqual([])
  })

  it(`stays within ${REQUESTS_PER_LIVE_JOB_MINUTE} requests per live job-minute`, () => {
    expect(report.requests.liveJobMinutes).toBeGreaterThan(report.jobs.planned)
    expect(report.requests.perLiveJobMinute).toBeLessThanOrEqual(REQUESTS_PER_LIVE_JOB_MINUTE)
  })
})
