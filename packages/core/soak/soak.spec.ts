import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSoakRandom } from './random'
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
 * naive rate is ample: seeds 1–20 of the 30-minute run measure 1.28–1.57, the 240-minute run 1.70–1.75.
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
    const { jobs, creates, deletes, rateLimits, waits, emissions } = report
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
  })

  it("ends with the server's true status, progress and error for every job not deleted", () => {
    expect(report.findings['final-state']).toEqual([])
  })

  it('settles every waitForCompletion: resolved if completed, VideoJobFailedError if failed, rejected if deleted', () => {
    expect(report.findings.wait).toEqual([])
  })

  it('never emits a state that moves backwards, and never brings back a deleted job', () => {
    expect(report.findings.regression).toEqual([])
    expect(report.findings.resurrection).toEqual([])
  })

  it('hides a deleted job at once, and puts a failed delete back at its exact place', () => {
    expect(report.findings.delete).toEqual([])
  })

  it('keeps every list in cursor order without duplicates, and equal to the server after a refresh', () => {
    expect(report.findings.list).toEqual([])
  })

  it('keeps getJob and getState equal to the last state each live subscriber received', () => {
    expect(report.findings.snapshot).toEqual([])
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
