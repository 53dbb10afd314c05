import type { CreatedIndex } from '../store/created-index'
import type { Track } from './poll-track'

/** The spec's largest page: one list request refreshes up to this many jobs. */
export const PAGE_SIZE = 100
/**
 * How many pages in a row a job of unknown age is looked for, down the list, while none of the jobs looked
 * for with it turns up, before it is retrieved on its own: a client that starts watching thousands of
 * jobs learns them 100 a page rather than one a request.
 */
const MAX_WALKS = 10

/** A planned poll: a list page (the newest, or the one after `after`) for several jobs, or one retrieve. */
export type PlannedPoll =
  | { readonly kind: 'page'; readonly after: string | undefined; readonly riders: readonly Track[] }
  | { readonly kind: 'retrieve'; readonly track: Track }

/**
 * Coalescing (rule 3), anywhere in the history: jobs of about the same age sit next to each other in
 * creation order, so one `GET /videos?order=desc&limit=100&after=<cursor>` refreshes up to 100 of them.
 * Over the due jobs sorted by rank, each page starts at the first job no page covers yet (after the cached
 * video just newer than it; the newest page needs no cursor), which covers them with the fewest pages;
 * every other job that `rider` accepts in a page's span rides along. Jobs of unknown age try the newest
 * page, then walk down the list a page at a time. A page is worth sending for two jobs or more; a job alone in its span, or known to be off the
 * pages (`offPage`), is retrieved on its own; without a list route (`canList` false), every due job is.
 */
export function planPolls(
  due: readonly Track[],
  rider: (id: string) => Track | undefined,
  index: CreatedIndex,
  canList = true,
): PlannedPoll[] {
  const plans: PlannedPoll[] = []
  if (!canList) return due.map((track) => ({ kind: 'retrieve', track }))
  const isDue = new Set(due)
  const covered = new Set<Track>()
  const ranked: { track: Track; rank: number }[] = []
  const unknown = new Map<string | undefined, Track[]>()
  for (const track of due) {
    const alone = track.offPage || track.retrieveNext
    const rank = alone ? undefined : index.rankOf(track.id)
    if (alone) plans.push({ kind: 'retrieve', track })
    else if (rank === undefined) {
      const group = unknown.get(track.walkAfter)
      if (group) group.push(track)
      else unknown.set(track.walkAfter, [track])
    } else ranked.push({ track, rank })
  }
  ranked.sort((a, b) => a.rank - b.rank)
  const plan = (start: number, extra: readonly Track[]): void => {
    const riders = [...extra, ...ridersIn(index, start, rider)].filter((track) => !covered.has(track))
    riders.forEach((track) => covered.add(track))
    if (riders.length >= 2) plans.push({ kind: 'page', after: index.idAt(start - 1), riders })
    else for (const track of riders) if (isDue.has(track)) plans.push({ kind: 'retrieve', track })
  }
  const newest = unknown.get(undefined) ?? []
  if (newest.length > 0 || (ranked[0] !== undefined && ranked[0].rank < PAGE_SIZE)) plan(0, newest)
  for (const [after, walking] of unknown) {
    const rank = after === undefined ? undefined : index.rankOf(after)
    if (rank !== undefined) plan(rank + 1, walking)
    else if (after !== undefined) for (const track of walking) plans.push({ kind: 'retrieve', track })
  }
  for (const { track, rank } of ranked) if (!covered.has(track)) plan(rank, [])
  return plans
}

/** The jobs `rider` accepts among the `PAGE_SIZE` cached videos from `start` on. */
function ridersIn(index: CreatedIndex, start: number, rider: (id: string) => Track | undefined): Track[] {
  const riders: Track[] = []
  for (let rank = start; rank < start + PAGE_SIZE; rank++) {
    const id = index.idAt(rank)
    if (id === undefined) break
    const track = rider(id)
    if (track !== undefined) riders.push(track)
  }
  return riders
}

/**
 * What a page's answer teaches: every job it held rides along again (only a page clears `offPage`), and a
 * rider it did not hold is fetched again at once: by a page further on when the page was full and ended
 * before it, else on its own (off the pages when the page covered its place). A job of unknown age is looked
 * for on the next page down, or retrieved once to learn its age.
 */
export function notePageAnswer(
  tracks: ReadonlyMap<string, Track>,
  riders: ReadonlySet<string>,
  page: {
    readonly ids: ReadonlySet<string>
    readonly full: boolean
    readonly oldest: number | undefined
    readonly lastId: string | null
  },
  createdAt: (id: string) => number | undefined,
  now: number,
): void {
  for (const id of page.ids) {
    const track = tracks.get(id)
    if (track) track.offPage = false
  }
  const heldAny = [...riders].some((id) => page.ids.has(id))
  for (const id of riders) {
    const track = tracks.get(id)
    if (track === undefined || page.ids.has(id)) continue
    const at = createdAt(id)
    if (at === undefined) walkOn(track, page, heldAny)
    else track.offPage = !(page.full && page.oldest !== undefined && at < page.oldest)
    track.dueAt = now
  }
}

/** A job of unknown age the page did not hold: look on the next page, or retrieve it once the walk is long. */
function walkOn(
  track: Track,
  page: { readonly full: boolean; readonly lastId: string | null },
  heldAny: boolean,
): void {
  if (heldAny) track.walks = 0
  if (page.full && page.lastId !== null && track.walks < MAX_WALKS) {
    track.walkAfter = page.lastId
    track.walks++
  } else track.retrieveNext = true
}
