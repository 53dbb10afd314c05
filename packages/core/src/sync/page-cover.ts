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
/** The most cached rows a walk skips in one step: a bound on the work of one plan. */
const MAX_SKIP = 10_000

/** A planned poll: a list page (the newest, or the one after `after`) for several jobs, or one retrieve. */
export type PlannedPoll =
  | { readonly kind: 'page'; readonly after: string | undefined; readonly riders: readonly Track[] }
  | { readonly kind: 'retrieve'; readonly track: Track }

/** The jobs a planned poll is for. */
export function ridersOf(plan: PlannedPoll): readonly Track[] {
  return plan.kind === 'page' ? plan.riders : [plan.track]
}

/**
 * Riders due within this long count when a page's span is chosen: those are the polls the page saves. About
 * half a paged job's longest wait, so pages settle on spans whose jobs fall due together.
 */
const SOON_MS = 3_000
/**
 * A job whose next poll looks for its end is retrieved on its own rather than pull a page this full
 * early: one job's end would otherwise drag the pace of every page up to the pace of its ends. Not the
 * newest page: on most dashboards every live job is on it, and new jobs set its pace anyway.
 */
const CROWDED_PAGE = 20

/** How the plan is made: whether the server lists, and the time the due jobs are judged at. */
export interface PlanOptions {
  readonly canList?: boolean
  readonly now?: number
}

/**
 * Coalescing (rule 3), anywhere in the history: jobs of about the same age sit next to each other in
 * creation order, so one `GET /videos?order=desc&limit=100&after=<cursor>` refreshes up to 100 of them.
 * Over the due jobs sorted by rank, each page holds the first job no page covers yet, placed where it holds
 * the most jobs due soon (after the cached video just newer than its start; the newest page needs no
 * cursor); every other job that `rider` accepts in its span rides along. Jobs of unknown age try the newest
 * page, then walk down the list a page at a time. A page is worth sending for two jobs or more; a job alone
 * in its span, known to be off the pages (`offPage`), or looking for its end (`nearEnd`) where the page
 * is crowded, is retrieved on its own; without a list route (`canList` false), every due job is.
 */
export function planPolls(
  due: readonly Track[],
  rider: (id: string) => Track | undefined,
  index: CreatedIndex,
  { canList = true, now = 0 }: PlanOptions = {},
): PlannedPoll[] {
  if (!canList) return due.map((track) => ({ kind: 'retrieve', track }))
  const plans: PlannedPoll[] = []
  const isDue = new Set(due)
  const covered = new Set<Track>()
  const ranked: { track: Track; rank: number }[] = []
  const ending: { track: Track; rank: number }[] = []
  const unknown = new Map<string | undefined, Track[]>()
  for (const track of due) {
    const alone = track.offPage || track.retrieveNext
    const rank = alone ? undefined : index.rankOf(track.id)
    if (alone) plans.push({ kind: 'retrieve', track })
    else if (rank === undefined) {
      const group = unknown.get(track.walkAfter)
      if (group) group.push(track)
      else unknown.set(track.walkAfter, [track])
    } else (track.nearEnd ? ending : ranked).push({ track, rank })
  }
  ranked.sort((a, b) => a.rank - b.rank)
  // A page from `start`, after the row a page showed before it (or after `cursor`, for a walk).
  const plan = (start: number, extra: readonly Track[], crowd = Infinity, cursor?: string | null): void => {
    // A given cursor (none: the newest page) lists the cached row after it only if a page showed no
    // other row between them.
    const held = cursor !== undefined && !index.follows(start) ? [] : ridersIn(index, start, rider)
    const riders = [...new Set([...extra, ...held])].filter((track) => !covered.has(track))
    if (riders.length >= crowd) riders.length = 1
    riders.forEach((track) => covered.add(track))
    const after = cursor === undefined ? index.cursorBefore(start) : (cursor ?? undefined)
    if (riders.length >= 2) plans.push({ kind: 'page', after, riders })
    else for (const track of riders) if (isDue.has(track)) plans.push({ kind: 'retrieve', track })
  }
  const uncovered = (id: string): Track | undefined => {
    const track = rider(id)
    return track === undefined || covered.has(track) ? undefined : track
  }
  const startFor = (rank: number): number => bestStart(index, rank, uncovered, now + SOON_MS)
  const newest = unknown.get(undefined) ?? []
  if (newest.length > 0 || (ranked[0] !== undefined && ranked[0].rank < PAGE_SIZE))
    plan(0, newest, Infinity, null)
  for (const [after, walking] of unknown) {
    const rank = after === undefined ? undefined : index.rankOf(after)
    // Past the rows pages already showed after its cursor (a walker's): the walk goes on where they end.
    const end = rank === undefined ? undefined : index.shownAfter(rank, MAX_SKIP)
    if (end !== undefined) plan(end + 1, walking, Infinity, index.idAt(end))
    else if (after !== undefined) for (const track of walking) plans.push({ kind: 'retrieve', track })
  }
  // A job a page just missed in its own second gets a page that starts at it: placed by the span that
  // missed it, it could be missed again and again.
  for (const { track, rank } of ranked)
    if (!covered.has(track)) plan(track.missed ? rank : startFor(rank), [])
  for (const { track, rank } of ending)
    if (covered.has(track)) continue
    else if (rank < PAGE_SIZE && onNewestPage(index, rank)) plan(0, [track], Infinity, null)
    else plan(startFor(rank), [track], CROWDED_PAGE)
  return plans
}

/**
 * Where to start the page that holds `rank`: of the `PAGE_SIZE` spans that hold it, the one with the most
 * riders due by `soon`, then with the most riders (the latest such start, reaching furthest down). Starting every page at its
 * first due job instead lets pages overlap by chance, and each job just above a page's start soon asks
 * for a page of its own.
 */
function bestStart(
  index: CreatedIndex,
  rank: number,
  rider: (id: string) => Track | undefined,
  soon: number,
): number {
  // A page holds no row past one a page showed after an uncached row: spans stop at such rows.
  let first = Math.max(0, rank - PAGE_SIZE + 1)
  for (let at = rank; at > first; at--) if (!index.follows(at)) first = at
  let end = rank + 1
  while (end < rank + PAGE_SIZE && index.idAt(end) !== undefined && index.follows(end)) end++
  // A rider due soon outweighs every rider that is not.
  const weight = (at: number): number => {
    const id = at < end ? index.idAt(at) : undefined
    const track = id === undefined ? undefined : rider(id)
    if (track === undefined) return 0
    return track.dueAt <= soon ? PAGE_SIZE : 1
  }
  let count = 0
  for (let at = first; at < first + PAGE_SIZE; at++) count += weight(at)
  let best = first
  let bestCount = count
  for (let start = first + 1; start <= rank; start++) {
    count += weight(start + PAGE_SIZE - 1) - weight(start - 1)
    if (count >= bestCount) {
      best = start
      bestCount = count
    }
  }
  return best
}

/** Whether the newest page holds the cached video at `rank` (it does unless uncached rows lie above it). */
function onNewestPage(index: CreatedIndex, rank: number): boolean {
  for (let at = 0; at <= rank; at++) if (!index.follows(at)) return false
  return true
}

/**
 * The jobs `rider` accepts among the `PAGE_SIZE` cached videos from `start` on, up to the first that a page
 * showed after a row not cached: the page lists uncached rows there.
 */
function ridersIn(index: CreatedIndex, start: number, rider: (id: string) => Track | undefined): Track[] {
  const riders: Track[] = []
  for (let rank = start; rank < start + PAGE_SIZE; rank++) {
    const id = index.idAt(rank)
    if (id === undefined || (rank > start && !index.follows(rank))) break
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
    if (track) {
      track.offPage = false
      track.missed = false
      track.paged = true
    }
  }
  const heldAny = [...riders].some((id) => page.ids.has(id))
  for (const id of riders) {
    const track = tracks.get(id)
    if (track === undefined || page.ids.has(id)) continue
    const at = createdAt(id)
    if (at === undefined) walkOn(track, page, heldAny)
    else if (page.full && at === page.oldest && !track.missed) track.missed = true
    else track.offPage = !(page.full && page.oldest !== undefined && at < page.oldest)
    if (track.offPage) track.paged = false
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
