import { createFetchTransport } from '@vidjob/core'
import { installFakeClock, type FakeClock } from '../../fake-clock'
import { settledHeap } from '../../gc'
import { censusGrowth, heapCensus, type CensusGrowth } from '../../heap-census'
import { requestsWorkload, seedApi, type SeededApi } from '../requests/workload'
import { DEFAULT_GC_TIME_MS, type MemorySubject, type MemorySubjectKind } from './subject'
import type { MemoryWorkload } from './workload'

/** What the memory scenario found for one library. */
export interface MemoryRun {
  readonly name: string
  readonly config: string
  /** Heap (after forced GC) before and after the subscribe/unsubscribe cycles, both once gcTime passed. */
  readonly baselineHeapBytes: number
  readonly finalHeapBytes: number
  /** Objects and closures that outlived the cycles (heap snapshot counts), with the top constructors. */
  readonly retainedObjects: CensusGrowth
  /** Pending timers after the cycles and gcTime. */
  readonly timersLeft: number
  /** Whether the state object of a job nobody watches any more was garbage-collected (not for the control). */
  readonly stateCollected?: boolean
}

const BASE_URL = 'http://mock.local/v1'
/** Past gcTime, so both libraries' collection of unobserved entries has run. */
const PAST_GC_TIME_MS = DEFAULT_GC_TIME_MS + 60_000

/**
 * Runs the leak checks of one library on a fake clock and the mock API: the subscribe cycles and (not
 * for the control, which has no cache) whether an abandoned job's state is collectable. The fake clock
 * lets gcTime (5 minutes) pass in no time; the bytes per video are measured on real timers (per-video.ts).
 *
 * @example const run = await measureSubject(vidjobSubject, memoryWorkload(true))
 */
export async function measureSubject(kind: MemorySubjectKind, workload: MemoryWorkload): Promise<MemoryRun> {
  const clock = installFakeClock()
  try {
    const seeded = seedApi({ ...requestsWorkload(false), jobs: workload.jobs })
    const cycles = await subscribeCycles(clock, seeded, kind, workload)
    if (kind.control === true) return { name: kind.name, config: kind.config, ...cycles }
    const stateCollected = await stateIsCollectable(clock, seeded, kind)
    return { name: kind.name, config: kind.config, ...cycles, stateCollected }
  } finally {
    clock.uninstall()
  }
}

function transportOf({ api }: SeededApi) {
  return createFetchTransport({ baseURL: BASE_URL, fetch: api.fetch })
}

/**
 * Subscribes and unsubscribes one observer at a time, rotating over the jobs; every other cycle waits
 * for the answer, the rest unsubscribe while the request is in flight.
 */
async function subscribeCycles(
  clock: FakeClock,
  seeded: SeededApi,
  kind: MemorySubjectKind,
  workload: MemoryWorkload,
): Promise<Pick<MemoryRun, 'baselineHeapBytes' | 'finalHeapBytes' | 'retainedObjects' | 'timersLeft'>> {
  const subject = kind.create(transportOf(seeded))
  const cycle = async (n: number): Promise<void> => {
    const unsubscribe = subject.subscribe(seeded.ids[n % seeded.ids.length] as string)
    await clock.tickAsync(n % 2 === 0 ? 300 : 0)
    unsubscribe()
  }
  const idle = async (): Promise<number> => {
    await clock.tickAsync(PAST_GC_TIME_MS)
    seeded.api.resetLog()
    return settledHeap()
  }
  // As many warm-up cycles as measured ones: compiled code and the harness's own tables (fake-clock timer
  // ids, fetch internals) reach their steady size before the baseline.
  for (let n = 0; n < workload.subscribeCycles; n++) await cycle(n)
  // The census comes before the baseline reading (after the same idle time as the final one): whatever
  // taking a snapshot leaves in the heap is then in both readings.
  await idle()
  const before = await heapCensus()
  const baselineHeapBytes = await idle()
  for (let n = 0; n < workload.subscribeCycles; n++) await cycle(n)
  const finalHeapBytes = await idle()
  const retainedObjects = censusGrowth(before, await heapCensus())
  const timersLeft = clock.countTimers()
  subject.dispose()
  return { baselineHeapBytes, finalHeapBytes, retainedObjects, timersLeft }
}

/** Loads a job, unsubscribes, lets gcTime pass and checks that its state object can be collected. */
async function stateIsCollectable(
  clock: FakeClock,
  seeded: SeededApi,
  kind: MemorySubjectKind,
): Promise<boolean> {
  const subject = kind.create(transportOf(seeded))
  const id = seeded.ids[0] as string
  // Held in a slot that is emptied after use: the unsubscribe function may reach the observer and its state.
  const release: { unsubscribe?: () => void } = { unsubscribe: subject.subscribe(id) }
  await clock.tickAsync(1_000)
  const ref = weakStateOf(subject, id)
  release.unsubscribe?.()
  delete release.unsubscribe
  await clock.tickAsync(PAST_GC_TIME_MS)
  await settledHeap()
  const collected = ref.deref() === undefined
  subject.dispose()
  return collected
}

/**
 * A weak reference to the job's state. A separate synchronous function, so no variable of the caller's
 * suspended async frame keeps the object alive.
 */
function weakStateOf(subject: MemorySubject, id: string): WeakRef<object> {
  const state = subject.stateOf(id)
  if (state === undefined) throw new Error(`No state for ${id} after loading it.`)
  return new WeakRef(state)
}
