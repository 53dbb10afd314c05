import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeEventSource } from '../../test/fake-event-source'
import { fakeBrowser, type FakeTab } from '../../test/fake-tabs'
import { createEventSourceUpdates } from './event-source-updates'
import { BEAT_MS } from './tab-sharing'
import type { VideoUpdate } from './updates'

const URL = '/api/videos/v1/videos/events'

beforeEach(() => {
  FakeEventSource.instances = []
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

/** A tab's client listening to the relay's stream. */
function openTab(tab: FakeTab | undefined, options: { shareAcrossTabs?: boolean } = {}) {
  const seen: VideoUpdate[] = []
  const updates = createEventSourceUpdates({ url: URL, EventSource: FakeEventSource, tabs: tab, ...options })
  const subscription = updates.updates$.subscribe((update) => seen.push(update))
  return { seen, close: () => subscription.unsubscribe() }
}

const settle = () => vi.advanceTimersByTimeAsync(0)
const videos = (seen: VideoUpdate[]) =>
  seen.flatMap((update) => (update.type === 'video' ? [(update.video as { id: string }).id] : []))

describe('one stream per browser (shareAcrossTabs)', () => {
  it('opens one EventSource for three tabs, and every tab gets its events', async () => {
    const tabs = fakeBrowser(3).map((tab) => openTab(tab))
    await settle()
    expect(FakeEventSource.instances).toHaveLength(1)
    const source = FakeEventSource.latest()
    source.emit('ready', {}, '1')
    source.emit('video', { id: 'video_a', progress: 40 }, '2')
    await settle()
    for (const tab of tabs) {
      expect(tab.seen[0]).toEqual({ type: 'open' })
      expect(videos(tab.seen)).toEqual(['video_a'])
    }
  })

  it('tells a tab that joins later that the stream is open, within a beat', async () => {
    const [first, second] = fakeBrowser(2)
    openTab(first)
    await settle()
    FakeEventSource.latest().emit('ready', {}, '1')
    const late = openTab(second)
    await vi.advanceTimersByTimeAsync(BEAT_MS)
    expect(late.seen).toEqual([{ type: 'open' }])
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('hands the stream to another tab when the leader closes, resuming after the last event id', async () => {
    const [leader, ...others] = fakeBrowser(3).map((tab) => openTab(tab))
    await settle()
    const first = FakeEventSource.latest()
    first.emit('ready', {}, '5')
    first.emit('video', { id: 'video_a' }, '6')
    await settle()
    leader?.close()
    await settle()
    expect(first.closed).toBe(true)
    expect(FakeEventSource.instances).toHaveLength(2)
    const second = FakeEventSource.latest()
    expect(second.url).toBe(`${URL}?lastEventId=6`)
    second.emit('ready', {}, '6')
    second.emit('video', { id: 'video_b' }, '7')
    await settle()
    for (const tab of others) expect(videos(tab.seen)).toEqual(['video_a', 'video_b'])
  })

  it('takes the stream over from a hung leader within a second', async () => {
    const browser = fakeBrowser(3)
    const tabs = browser.map((tab) => openTab(tab))
    await settle()
    const first = FakeEventSource.latest()
    first.emit('ready', {}, '9')
    await vi.advanceTimersByTimeAsync(BEAT_MS)
    ;(browser[0] as FakeTab).hung = true
    await vi.advanceTimersByTimeAsync(1_000)
    expect(FakeEventSource.instances).toHaveLength(2)
    // The hung tab lost the lock: its stream is closed when it runs again, so one stream is left.
    expect(first.closed).toBe(true)
    const second = FakeEventSource.latest()
    expect(second.url).toBe(`${URL}?lastEventId=9`)
    second.emit('video', { id: 'video_c' }, '10')
    await settle()
    expect(tabs.slice(1).map((tab) => videos(tab.seen))).toEqual([['video_c'], ['video_c']])
    await vi.advanceTimersByTimeAsync(5_000)
    expect(FakeEventSource.instances).toHaveLength(2)
  })

  it('holds a stream per tab where sharing is off or the browser lacks Web Locks or BroadcastChannel', async () => {
    const [first, second] = fakeBrowser(2)
    openTab(first, { shareAcrossTabs: false })
    openTab(second, { shareAcrossTabs: false })
    // Node has no `document`: no sharing by default, whatever globals it has.
    openTab(undefined)
    await settle()
    expect(FakeEventSource.instances).toHaveLength(3)
  })

  it('closes everything when the last tab leaves: no stream, no beat', async () => {
    const tabs = fakeBrowser(2).map((tab) => openTab(tab))
    await settle()
    tabs.forEach((tab) => tab.close())
    await vi.advanceTimersByTimeAsync(5_000)
    expect(FakeEventSource.instances.every((source) => source.closed)).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })
})
