import type { EventSourceLike } from '../src/sync/event-source-updates'

type Listener = (event: { data: string; lastEventId: string }) => void

/** An `EventSource` double: the test plays the server through `emit`, `fail` and `instances`. */
export class FakeEventSource implements EventSourceLike {
  static instances: FakeEventSource[] = []
  readyState = 0
  onerror: ((event: unknown) => void) | null = null
  closed = false
  readonly #listeners = new Map<string, Listener[]>()

  constructor(
    readonly url: string,
    readonly init?: { withCredentials?: boolean },
  ) {
    FakeEventSource.instances.push(this)
  }

  addEventListener(type: string, listener: Listener): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener])
  }

  close(): void {
    this.closed = true
    this.readyState = 2
  }

  /** The server sends an event. */
  emit(type: string, data: unknown, lastEventId = ''): void {
    this.readyState = 1
    const text = typeof data === 'string' ? data : JSON.stringify(data)
    this.#listeners.get(type)?.forEach((listener) => listener({ data: text, lastEventId }))
  }

  /** The connection fails: `'retrying'` as a browser does after a drop, `'closed'` when it gives up. */
  fail(state: 'retrying' | 'closed'): void {
    this.readyState = state === 'retrying' ? 0 : 2
    this.onerror?.({})
  }

  static latest(): FakeEventSource {
    const latest = FakeEventSource.instances.at(-1)
    if (!latest) throw new Error('No EventSource was opened.')
    return latest
  }
}
