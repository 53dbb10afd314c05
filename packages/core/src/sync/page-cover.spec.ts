import { describe, expect, it } from 'vitest'
import { CreatedIndex } from '../store/created-index'
import { notePageAnswer, PAGE_SIZE, planPolls, type PlannedPoll } from './page-cover'
import { newTrack, type Track } from './poll-track'

/** An index of `count` videos, `v0` the newest, and a track for each id in `watched`. */
function world(count: number, watched: readonly number[]) {
  const index = new CreatedIndex()
  for (let i = count - 1; i >= 0; i--) index.add(`v${i}`, 1_000_000 - i)
  const tracks = new Map<string, Track>(watched.map((i) => [`v${i}`, newTrack(`v${i}`, 0, undefined)]))
  const track = (i: number): Track => tracks.get(`v${i}`) as Track
  const rider = (id: string): Track | undefined => tracks.get(id)
  return { index, tracks, track, rider }
}

/** A plan as ids: `page after X: [riders]` or `retrieve Y`. */
function describePlans(plans: readonly PlannedPoll[]): string[] {
  return plans.map((plan) =>
    plan.kind === 'page'
      ? `page after ${plan.after ?? '-'}: ${plan.riders.map((t) => t.id).join(',')}`
      : `retrieve ${plan.track.id}`,
  )
}

describe('planPolls', () => {
  it('covers due jobs among the newest 100 with the newest page, every watched job there riding along', () => {
    const { index, track, rider } = world(300, [3, 40, 99])
    expect(describePlans(planPolls([track(40)], rider, index))).toEqual(['page after -: v3,v40,v99'])
  })

  it('covers due jobs anywhere in the history with pages after a cursor, the fewest pages possible', () => {
    const { index, track, rider } = world(1_000, [150, 180, 249, 250, 260, 900])
    const due = [track(260), track(150), track(249), track(250)]
    expect(describePlans(planPolls(due, rider, index))).toEqual([
      // From the first due job (rank 150): ranks 150–249, after the video at rank 149.
      'page after v149: v150,v180,v249',
      'page after v249: v250,v260',
    ])
  })

  it('retrieves a due job alone in its span, and those known to be off the pages', () => {
    const { index, track, rider } = world(1_000, [500, 700, 701])
    track(701).offPage = true
    track(700).retrieveNext = true
    const plans = planPolls([track(500), track(700), track(701)], rider, index)
    expect(describePlans(plans).sort()).toEqual(['retrieve v500', 'retrieve v700', 'retrieve v701'])
  })

  it('tries the newest page for due jobs of unknown age (never loaded), with those it holds', () => {
    const { index, tracks, track, rider } = world(50, [7])
    const unknown = newTrack('never-seen', 0, undefined)
    tracks.set('never-seen', unknown)
    expect(describePlans(planPolls([unknown], rider, index))).toEqual(['page after -: never-seen,v7'])
    expect(describePlans(planPolls([unknown], () => undefined, index))).toEqual(['retrieve never-seen'])
    expect(track(7).planned).toBe(false)
  })

  it('walks jobs of unknown age down the list, a page after the last one that missed them', () => {
    const { index, tracks, track, rider } = world(300, [150, 260])
    const walking = newTrack('unknown', 0, undefined)
    walking.walkAfter = 'v149'
    tracks.set('unknown', walking)
    expect(describePlans(planPolls([walking], rider, index))).toEqual(['page after v149: unknown,v150'])
    walking.walkAfter = 'forgotten'
    expect(describePlans(planPolls([walking, track(260)], rider, index))).toEqual([
      'retrieve unknown',
      'retrieve v260',
    ])
  })

  it('spans exactly PAGE_SIZE ranks', () => {
    const { index, track, rider } = world(1_000, [200, 200 + PAGE_SIZE - 1, 200 + PAGE_SIZE])
    const plans = planPolls([track(200), track(200 + PAGE_SIZE)], rider, index)
    expect(describePlans(plans)).toEqual([
      `page after v199: v200,v${199 + PAGE_SIZE}`,
      `retrieve v${200 + PAGE_SIZE}`,
    ])
  })

  it('places a page where it holds the most jobs due soon, not at its first due job', () => {
    const { index, track, rider } = world(1_000, [120, 130, 140, 150, 400])
    ;[120, 130, 140].forEach((i) => (track(i).dueAt = 2_000))
    track(400).dueAt = 60_000
    // Starting at v150 would leave three jobs due within 2 s to ask for a page of their own.
    expect(describePlans(planPolls([track(150)], rider, index, { now: 0 }))).toEqual([
      'page after v119: v120,v130,v140,v150',
    ])
  })

  it('retrieves a job looking for its end on its own when its page is crowded, and pages it otherwise', () => {
    const crowded = world(
      1_000,
      Array.from({ length: 30 }, (_, i) => 300 + i),
    )
    crowded.track(310).nearEnd = true
    crowded.tracks.forEach((t) => (t.dueAt = 30_000))
    crowded.track(310).dueAt = 0
    expect(describePlans(planPolls([crowded.track(310)], crowded.rider, crowded.index))).toEqual([
      'retrieve v310',
    ])
    const few = world(1_000, [300, 310])
    few.track(310).nearEnd = true
    expect(describePlans(planPolls([few.track(310)], few.rider, few.index))).toEqual([
      'page after v299: v310,v300',
    ])
    // Not the newest page: new jobs set its pace anyway.
    const newest = world(
      1_000,
      Array.from({ length: 30 }, (_, i) => i),
    )
    newest.track(10).nearEnd = true
    newest.tracks.forEach((t) => (t.dueAt = 30_000))
    const plansOfNewest = planPolls([newest.track(10)], newest.rider, newest.index)
    expect(plansOfNewest.map((plan) => [plan.kind, plan.kind === 'page' ? plan.after : '-'])).toEqual([
      ['page', undefined],
    ])
    // A page planned anyway takes it along.
    crowded.track(300).dueAt = 0
    const plans = planPolls([crowded.track(300), crowded.track(310)], crowded.rider, crowded.index)
    expect(plans).toHaveLength(1)
    expect(plans[0]?.kind).toBe('page')
  })

  it('starts the page for a job a page just missed in its own second at the job, not where most are due', () => {
    const { index, track, rider } = world(1_000, [120, 130, 140, 150, 200])
    ;[120, 130, 140].forEach((i) => (track(i).dueAt = 2_000))
    expect(describePlans(planPolls([track(150)], rider, index, { now: 0 }))).toEqual([
      'page after v119: v120,v130,v140,v150,v200',
    ])
    // Placed by the span that missed it, it could be missed again and again.
    track(150).missed = true
    expect(describePlans(planPolls([track(150)], rider, index, { now: 0 }))).toEqual([
      'page after v149: v150,v200',
    ])
  })
})

describe('notePageAnswer', () => {
  const setup = () => {
    const tracks = new Map(['a', 'b', 'c', 'd'].map((id) => [id, newTrack(id, 100, undefined)]))
    const createdAt = (id: string): number | undefined => ({ a: 50, b: 40, c: 10 })[id]
    return { tracks, createdAt, get: (id: string) => tracks.get(id) as Track }
  }

  it('clears offPage for the jobs the page held, and sends the others again at once', () => {
    const { tracks, createdAt, get } = setup()
    get('a').offPage = true
    const page = { ids: new Set(['a']), full: true, oldest: 20, lastId: 'z' }
    notePageAnswer(tracks, new Set(['a', 'b', 'c', 'd']), page, createdAt, 500)
    expect(get('a').offPage).toBe(false)
    // b is within the page's span, yet missing: off the pages. c is older than the page's last row: a later
    // page covers it. d's age is unknown: it is looked for on the next page down.
    expect([get('b').offPage, get('c').offPage, get('d').offPage]).toEqual([true, false, false])
    // Paged jobs keep a page's pace; one off the pages does not.
    expect([get('a').paged, get('b').paged]).toEqual([true, false])
    expect([get('d').walkAfter, get('d').walks, get('d').retrieveNext]).toEqual(['z', 1, false])
    expect(['b', 'c', 'd'].map((id) => get(id).dueAt)).toEqual([500, 500, 500])
  })

  it('looks once more, from its own place, for a job made in the second a full page ended in', () => {
    const { tracks, createdAt, get } = setup()
    // created_at has whole seconds: b (40) may sort after a row of its second on the next page.
    const page = { ids: new Set<string>(), full: true, oldest: 40, lastId: 'z' }
    notePageAnswer(tracks, new Set(['b']), page, createdAt, 500)
    expect([get('b').offPage, get('b').missed]).toEqual([false, true])
    // Missed again: off the pages, retrieved until a page holds it (never missed page after page).
    notePageAnswer(tracks, new Set(['b']), page, createdAt, 600)
    expect(get('b').offPage).toBe(true)
    notePageAnswer(tracks, new Set(['b']), { ...page, ids: new Set(['b']) }, createdAt, 700)
    expect([get('b').offPage, get('b').missed]).toEqual([false, false])
  })

  it('takes a job missing from a page that was not full as off the pages, whatever its age', () => {
    const { tracks, createdAt, get } = setup()
    notePageAnswer(
      tracks,
      new Set(['c']),
      { ids: new Set(), full: false, oldest: 20, lastId: 'z' },
      createdAt,
      500,
    )
    expect(get('c').offPage).toBe(true)
  })

  it('retrieves a job of unknown age once the list ends or after ten pages down without it', () => {
    const { tracks, createdAt, get } = setup()
    notePageAnswer(
      tracks,
      new Set(['d']),
      { ids: new Set(), full: false, oldest: 20, lastId: 'z' },
      createdAt,
      500,
    )
    expect([get('d').retrieveNext, get('d').walkAfter]).toEqual([true, undefined])
    const walker = get('a')
    const unknownAge = (): undefined => undefined
    for (let i = 0; i < 10; i++)
      notePageAnswer(
        tracks,
        new Set(['a']),
        { ids: new Set(), full: true, oldest: 1, lastId: `p${i}` },
        unknownAge,
        500,
      )
    expect([walker.walkAfter, walker.walks, walker.retrieveNext]).toEqual(['p9', 10, false])
    notePageAnswer(
      tracks,
      new Set(['a']),
      { ids: new Set(), full: true, oldest: 1, lastId: 'p10' },
      unknownAge,
      500,
    )
    expect(walker.retrieveNext).toBe(true)
  })
})
