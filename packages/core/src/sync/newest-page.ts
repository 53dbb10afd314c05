import type { VideoStore } from '../store/video-store'
import { NEWEST_PAGE_SIZE } from './job-fetcher'
import type { Track } from './poll-track'

/**
 * Coalescing (rule 3): the newest page costs one request like a retrieve, and refreshes every watched job
 * on it. When a job it holds is due and it holds at least one more, every job it holds rides along (none
 * otherwise). `candidates` are the jobs that could be polled now, most overdue first.
 */
export function pageRiders(candidates: readonly Track[], now: number, store: VideoStore): readonly Track[] {
  if (candidates.length < 2) return []
  const threshold = newestCreatedAt(store, NEWEST_PAGE_SIZE)
  const onPage = candidates.filter((t) => !t.offPage && inNewestPage(store, t.id, threshold))
  return onPage.length >= 2 && onPage.some((t) => t.dueAt <= now) ? onPage : []
}

/**
 * What a newest-page answer teaches: every tracked job it held rides along again (only a page clears
 * `offPage`: a job retrieved on its own is still off the page, and must not be taken along, then retrieved,
 * with every page poll), and a rider it did not hold is retrieved on its own at once.
 */
export function notePageAnswer(
  tracks: ReadonlyMap<string, Track>,
  riders: ReadonlySet<string>,
  onPage: ReadonlySet<string>,
  now: number,
): void {
  for (const id of onPage) {
    const track = tracks.get(id)
    if (track) track.offPage = false
  }
  for (const id of riders) {
    const track = tracks.get(id)
    if (track === undefined || onPage.has(id)) continue
    track.offPage = true
    track.dueAt = now
  }
}

/** `threshold`: `created_at` of the last video the newest page can hold (undefined: it holds them all). */
function inNewestPage(store: VideoStore, id: string, threshold: number | undefined): boolean {
  const createdAt = createdAtOf(store, id)
  // Unknown age (never loaded, or collected): worth trying when a page goes out anyway; a miss is
  // retrieved on its own right after. A tie at the boundary may or may not be on the page: try it too.
  return createdAt === undefined || threshold === undefined || createdAt >= threshold
}

/** `created_at` of the job at `rank` among the newest cached jobs (undefined if fewer are cached). */
function newestCreatedAt(store: VideoStore, rank: number): number | undefined {
  const createdAt: number[] = []
  for (const id of store.ids()) {
    const at = createdAtOf(store, id)
    if (at !== undefined) createdAt.push(at)
  }
  if (createdAt.length < rank) return undefined
  createdAt.sort((a, b) => b - a)
  return createdAt[rank - 1]
}

function createdAtOf(store: VideoStore, id: string): number | undefined {
  return store.isDeleted(id) ? undefined : store.getVideo(id)?.created_at
}
