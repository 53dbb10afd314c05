import type { Video } from '@vidjob/core'
import type { EventLog, LoggedEvent } from './event-log'
import { KeyedSet } from './keyed-set'

interface HubEvent {
  readonly id: number
  readonly ownerId: string
  readonly data: string
}

/**
 * The {@link EventLog} of one relay instance, in memory: numbers every change of every video (ids increase
 * across restarts: they start from the clock), keeps the last `bufferSize` for `Last-Event-ID` resumes, and
 * hands each change to the streams of its owner.
 */
export class EventHub implements EventLog {
  readonly #buffer: HubEvent[] = []
  readonly #bufferSize: number
  readonly #listeners = new KeyedSet<(event: HubEvent) => void>()
  #lastId: number
  /** The oldest id a stream may resume after: everything after it is still in the buffer. */
  #floor: number

  constructor(bufferSize: number) {
    this.#bufferSize = bufferSize
    // Ids from microseconds of the clock, so a restarted relay never reuses an id a browser holds.
    this.#lastId = Date.now() * 1000
    this.#floor = this.#lastId
  }

  async publish(ownerId: string, video: Video): Promise<void> {
    const event: HubEvent = { id: ++this.#lastId, ownerId, data: JSON.stringify(video) }
    this.#buffer.push(event)
    if (this.#buffer.length > this.#bufferSize) this.#floor = (this.#buffer.shift() as HubEvent).id
    for (const listener of this.#listeners.of(ownerId)) listener(event)
  }

  async head(): Promise<string> {
    return String(this.#lastId)
  }

  async since(ownerId: string, lastEventId: string): Promise<readonly LoggedEvent[] | 'reset'> {
    const after = /^\d+$/.test(lastEventId) ? Number(lastEventId) : Number.NaN
    if (!Number.isSafeInteger(after) || after < this.#floor || after > this.#lastId) return 'reset'
    return this.#buffer.filter((event) => event.id > after && event.ownerId === ownerId).map(logged)
  }

  subscribe(ownerId: string, after: string, listener: (event: LoggedEvent) => void): () => void {
    const from = Number(after)
    const deliver = (event: HubEvent) => event.id > from && listener(logged(event))
    return this.#listeners.add(ownerId, deliver)
  }
}

function logged(event: HubEvent): LoggedEvent {
  return { id: String(event.id), data: event.data }
}
