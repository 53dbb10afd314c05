import { describe, expect, it } from 'vitest'
import { CreatedIndex } from '../store/created-index'
import { ListSurvey, type Walker } from './list-survey'
import { newTrack } from './poll-track'

const tracks = (count: number) => Array.from({ length: count }, (_, i) => newTrack(`j${i}`, 0, undefined))
const page = (lastId: string, fields: { overlap?: boolean; watched?: boolean; full?: boolean } = {}) => ({
  full: fields.full ?? true,
  overlap: fields.overlap ?? false,
  lastId,
  watched: fields.watched ?? true,
})

function takeAll(survey: ListSurvey): Walker[] {
  const walkers: Walker[] = []
  for (let walker = survey.take(); walker; walker = survey.take()) walkers.push(walker)
  return walkers
}

describe('ListSurvey', () => {
  it('starts no walker while one walk from the top reaches the jobs soon enough', () => {
    const survey = new ListSurvey()
    survey.consider(tracks(999), new CreatedIndex())
    expect(survey.active).toBe(false)
    expect(survey.take()).toBeUndefined()
  })

  it('starts one walker per 1,000 jobs of unknown age, from jobs spread over them, and none twice', () => {
    const survey = new ListSurvey()
    const index = new CreatedIndex()
    const due = tracks(3_500)
    // Jobs already placed are no starting point.
    for (const track of due.slice(0, 500)) index.add(track.id, 1)
    survey.consider(due, index)
    expect(takeAll(survey).map((walker) => walker.after)).toEqual(['j500', 'j1500', 'j2500'])
    survey.consider(due, index)
    expect(survey.take()).toBeUndefined()
  })

  it('walks on from each page until it meets rows seen before, the list ends, or two pages hold no watched job', () => {
    const survey = new ListSurvey()
    survey.consider(tracks(1_000), new CreatedIndex())
    const [walker] = takeAll(survey) as [Walker]
    survey.settle(walker, page('a'))
    const next = survey.take() as Walker
    expect(next.after).toBe('a')
    survey.settle(next, page('b', { watched: false }))
    const third = survey.take() as Walker
    survey.settle(third, page('c', { watched: false }))
    // Not after 'c': it stopped, and another starts from the next job picked.
    expect(survey.take()?.after).toBe('j250')
    for (const end of [{ overlap: true }, { full: false }]) {
      const fresh = new ListSurvey()
      fresh.consider(tracks(1_000), new CreatedIndex())
      fresh.settle(fresh.take() as Walker, page('x', end))
      expect(fresh.take()?.after).toBe('j250')
    }
  })

  it('starts a stopped walker again from a job no page has shown yet, then ends', () => {
    const survey = new ListSurvey()
    const index = new CreatedIndex()
    const due = tracks(1_000)
    survey.consider(due, index)
    const [first] = takeAll(survey) as [Walker]
    // The next start, j250, was shown meanwhile: j500 is the next one still unseen.
    index.add('j250', 1)
    survey.settle(first, page('x', { overlap: true }))
    const again = survey.take() as Walker
    expect(again.after).toBe('j500')
    survey.settle(again, page('y', { overlap: true }))
    survey.settle(survey.take() as Walker, page('z', { overlap: true }))
    expect(survey.active).toBe(false)
  })

  it('aborts the pages of its walkers when cleared, and ignores their answers', () => {
    const survey = new ListSurvey()
    survey.consider(tracks(2_000), new CreatedIndex())
    const walkers = takeAll(survey)
    survey.clear()
    expect(walkers.every((walker) => walker.controller.signal.aborted)).toBe(true)
    survey.settle(walkers[0] as Walker, page('a'))
    expect(survey.take()).toBeUndefined()
    expect(survey.active).toBe(false)
  })
})
