import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeEventSource } from '../../test/fake-event-source'
import { createEventSourceUpdates } from './event-source-updates'
import type { VideoUpdate } from './updates'

beforeEach(() => {
  FakeEventSource.instances = []
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

function listen(url = '/api/videos/v1/videos/events') {
  const seen: VideoUpdate[] = []
  const updates = createEventSourceUpdates({ url, EventSource: FakeEventSource })
  const subscription = updates.updates$.subscribe((update) => seen.push(update))
  return { seen, subscription }
}

describe('createEventSourceUpdates', () => {
  it('opens once the relay says it is caught up, and passes videos and resets on', () => {
    const { seen } = listen()
    const source = FakeEventSource.latest()
    source.emit('video', { id: 'video_1', progress: 10 })
    source.emit('ready', {}, '100')
    source.emit('video', { id: 'video_1', progress: 20 }, '101')
    source.emit('reset', {})
    source.emit('video', 'not json')
    expect(seen).toEqual([
      { type: 'video', video: { id: 'video_1', progress: 10 } },
      { type: 'open' },
      { type: 'video', video: { id: 'video_1', progress: 20 } },
      { type: 'reset' },
      { type: 'video', video: 'not json' },
    ])
  })

  it('reports a drop at once and lets the browser reconnect by itself', () => {
    const { seen } = listen()
    FakeEventSource.latest().fail('retrying')
    expect(seen).toEqual([{ type: 'closed' }])
    vi.advanceTimersByTime(60_000)
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('reopens a stream the browser gave up on, with backoff, resuming after the last event id', () => {
    const { seen } = listen('/events?x=1')
    const first = FakeEventSource.latest()
    first.emit('ready', {}, '41')
    first.emit('video', { id: 'v' }, '42')
    first.fail('closed')
    expect(first.closed).toBe(true)
    expect(seen.at(-1)).toEqual({ type: 'closed' })
    vi.advanceTimersByTime(1_000)
    expect(FakeEventSource.instances).toHaveLength(2)
    expect(FakeEventSource.latest().url).toBe('/events?x=1&lastEventId=42')
    FakeEventSource.latest().fail('closed')
    vi.advanceTimersByTime(999)
    expect(FakeEventSource.instances).toHaveLength(2)
    vi.advanceTimersByTime(1_001)
    expect(FakeEventSource.instances).toHaveLength(3)
  })

  it('closes the stream and its retry on unsubscribe, leaving no timer', () => {
    const { subscription } = listen()
    FakeEventSource.latest().fail('closed')
    subscription.unsubscribe()
    expect(vi.getTimerCount()).toBe(0)
    expect(FakeEventSource.latest().closed).toBe(true)
  })

  it('stays closed where there is no EventSource', () => {
    const seen: VideoUpdate[] = []
    vi.stubGlobal('EventSource', undefined)
    createEventSourceUpdates({ url: '/events' }).updates$.subscribe((update) => seen.push(update))
    expect(seen).toEqual([])
  })
})
