import type { Video } from '@vidjob/core'

/** One change of a user's video, as numbered by the hub. */
export interface HubEvent {
  readonly id: number
  readonly ownerId: string
  /** The video's JSON, serialized once for every viewer. */
  readonly data: string
}

/**
 * Numbers every change of every video (ids increase across restarts: they start from the clock), keeps
 * the last `bufferSize` for `Last-Event-ID` resumes, and hands each change to the streams of its owner.
 */
export class EventHub {
  readonly #buffer: HubEvent[] = []
  readonly #bufferSize: number
  readonly #listeners = new Map<string, Set<(event: HubEvent) => void>>()
  #lastId: number
  /** The oldest id a stream may resume after: everything after it is still in the buffer. */
  #floor: number

  constructor(bufferSize: number) {
    this.#bufferSize = bufferSize
    // Ids from microseconds of the clock, so a restarted relay never reuses an id a browser holds.
    this.#lastId = Date.now() * 1000
    this.#floor = this.#lastId
  }

  /** The id of the newest event, from which a stream opened now resumes. */
  get lastId(): number {
    return this.#lastId
  }

  publish(ownerId: string, video: Video): void {
    const event: HubEvent = { id: ++this.#lastId, ownerId, data: JSON.stringify(video) }
    this.#buffer.push(event)
    if (this.#buffer.length > this.#bufferSize) this.#floor = (this.#buffer.shift() as HubEvent).id
    this.#listeners.get(ownerId)?.forEach((listener) => listener(event))
  }

  /** The events of `ownerId` after `lastEventId`, or `'reset'` when they are no longer all known. */
  since(ownerId: string, lastEventId: number): readonly HubEvent[] | 'reset' {
    if (!Number.isSafeInteger(lastEventId) || lastEventId < this.#floor || lastEventId > this.#lastId)
      return 'reset'
    return this.#buffer.filter((event) => event.id > lastEventId && event.ownerId === ownerId)
  }

  /** Hands every new event of `ownerId` to `listener`; returns the unsubscribe. */
  subscribe(ownerId: string, listener: (event: HubEvent) => void): () => void {
    let set = this.#listeners.get(ownerId)
    if (!set) this.#listeners.set(ownerId, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.#listeners.delete(ownerId)
    }
  }
}
