import type { Video, VideoList } from '@vidjob/core'
import { benchVideo, benchVideoId } from '../../video-fixture'

/** The cache-update workload of the CPU scenario. */
export interface CpuWorkload {
  readonly jobs: number
  readonly pageSize: number
  /** Single retrieves per cycle (rotating over the jobs). */
  readonly singles: number
  /** Each cycle, one job in `changeEvery` advances by one progress point (the rest answer unchanged). */
  readonly changeEvery: number
  readonly warmupCycles: number
  readonly cycles: number
  readonly repeats: number
}

/**
 * 1,000 tracked jobs in 10 list pages plus 100 single retrieves per cycle, 100 cycles, 3 repeats
 * (quick: 200 jobs, 20 cycles).
 *
 * @example const workload = cpuWorkload(false)
 */
export function cpuWorkload(quick: boolean): CpuWorkload {
  return {
    jobs: quick ? 200 : 1_000,
    pageSize: 100,
    singles: quick ? 20 : 100,
    changeEvery: 5,
    warmupCycles: quick ? 3 : 5,
    cycles: quick ? 20 : 100,
    repeats: 3,
  }
}

/** The answers of one poll cycle: every list page (by cursor, '' for the first) and the single retrieves. */
export interface CycleAnswers {
  readonly pages: ReadonlyMap<string, VideoList>
  readonly singles: ReadonlyMap<string, Video>
}

/**
 * Builds fresh answer objects for cycle `cycle` (as `JSON.parse` would hand them over: no object is
 * shared with an earlier cycle), so neither library can short-circuit on identity.
 *
 * @example const answers = cycleAnswers(workload, 0)
 */
export function cycleAnswers(workload: CpuWorkload, cycle: number): CycleAnswers {
  const videos = Array.from({ length: workload.jobs }, (_, index) => videoAt(workload, index, cycle))
  const pages = new Map<string, VideoList>()
  for (let start = 0; start < workload.jobs; start += workload.pageSize) {
    const data = videos.slice(start, start + workload.pageSize)
    const cursor = start === 0 ? '' : benchVideoId(start - 1)
    pages.set(cursor, {
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: start + workload.pageSize < workload.jobs,
    })
  }
  const singles = new Map<string, Video>()
  for (let n = 0; n < workload.singles; n++) {
    const index = (cycle * workload.singles + n) % workload.jobs
    singles.set(benchVideoId(index), videoAt(workload, index, cycle))
  }
  return { pages, singles }
}

function videoAt(workload: CpuWorkload, index: number, cycle: number): Video {
  // Job `index` has advanced once in every earlier cycle whose number matches it modulo changeEvery.
  const { changeEvery } = workload
  const advances = Math.floor((cycle + changeEvery - 1 - (index % changeEvery)) / changeEvery)
  return benchVideo(index, Math.min(98, 1 + advances))
}
