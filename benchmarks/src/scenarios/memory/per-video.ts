import { createFetchTransport } from '@vidjob/core'
import { createMockVideoApi } from '@vidjob/mock-api'
import { settledHeap } from '../../gc'
import { benchVideo } from '../../video-fixture'
import type { MemorySubjectKind } from './subject'
import type { MemoryWorkload } from './workload'

/** Bytes a library keeps per video, measured on real timers. */
export interface PerVideoRun {
  readonly name: string
  /** Heap growth per video put in the cache with nobody watching (`client.ingest` / `setQueryData`). */
  readonly bytesPerCachedVideo: number
  /** The same for a bare video object kept in an array: the data alone. */
  readonly bytesPerBareVideo: number
  /** Heap growth per job loaded through one observer of its own (the cache, the observer, its timers). */
  readonly bytesPerWatchedJob: number
  /** Real ms until every watched job was loaded. */
  readonly loadMs: number
}

/** How long the watched jobs may take to load before the run gives up. */
const LOAD_CAP_MS = 60_000

/**
 * Measures, on the real clock (no fake timers anywhere in this process, so each library's own
 * `setTimeout` objects are what Node makes of them), the heap kept per cached video and per watched
 * job, each after a forced GC, against a heap read after the same forced GC before.
 *
 * @example const run = await measurePerVideo(vidjobSubject, memoryWorkload(false))
 */
export async function measurePerVideo(
  kind: MemorySubjectKind,
  workload: MemoryWorkload,
): Promise<PerVideoRun> {
  const bytesPerBareVideo = await bytesPerVideo(workload.cachedVideos, () => {
    const kept: unknown[] = []
    return { cache: (video) => kept.push(video), dispose: () => (kept.length = 0) }
  })
  const api = createMockVideoApi({ seed: 3, latencyMs: 0, renderMs: 600_000 })
  const transport = createFetchTransport({ baseURL: 'http://mock.local/v1', fetch: api.fetch })
  const bytesPerCachedVideo = await bytesPerVideo(workload.cachedVideos, () => kind.create(transport))
  const ids = Array.from(
    { length: workload.watchedJobs },
    (_, n) => api.jobs.create({ prompt: `job ${n}` }).id,
  )
  const before = await settledHeap()
  const subject = kind.create(transport)
  const started = performance.now()
  const stops = ids.map((id) => subject.subscribe(id))
  while (!ids.every((id) => subject.hasData(id))) {
    if (performance.now() - started > LOAD_CAP_MS)
      throw new Error(`${kind.name} did not load ${ids.length} jobs in 60 s.`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  const loadMs = performance.now() - started
  // The mock's request log is the server's memory, not the client's.
  api.resetLog()
  const bytesPerWatchedJob = ((await settledHeap()) - before) / ids.length
  stops.forEach((stop) => stop())
  subject.dispose()
  return { name: kind.name, bytesPerCachedVideo, bytesPerBareVideo, bytesPerWatchedJob, loadMs }
}

/** Heap growth per video after caching `count` fresh video objects (as `JSON.parse` hands them over). */
async function bytesPerVideo(
  count: number,
  create: () => { cache(video: unknown): void; dispose(): void },
): Promise<number> {
  const subject = create()
  const before = await settledHeap()
  for (let index = 0; index < count; index++) subject.cache(benchVideo(index, 50))
  const after = await settledHeap()
  subject.dispose()
  return (after - before) / count
}
