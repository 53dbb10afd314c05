import { Observable } from 'rxjs'
import { browserTabSharing, shareAcrossTabs, type OpenStream, type TabSharingApis } from './tab-sharing'
import type { VideoUpdate, VideoUpdates } from './updates'

/** What vidjob uses of an `EventSource` (the browser's, or a polyfill's such as the `eventsource` package). */
export interface EventSourceLike {
  readonly readyState: number
  onerror: ((event: unknown) => void) | null
  addEventListener(type: string, listener: (event: { data: string; lastEventId: string }) => void): void
  close(): void
}

/** An `EventSource` constructor. */
export type EventSourceConstructor = new (
  url: string,
  init?: { withCredentials?: boolean },
) => EventSourceLike

/** Options of {@link createEventSourceUpdates}. */
export interface EventSourceUpdatesOptions {
  /** The relay's event stream, e.g. `/api/videos/v1/videos/events`. */
  url: string
  /** Send cookies to a relay on another origin (it must list this one in `allowedOrigins`). */
  withCredentials?: boolean | undefined
  /** The `EventSource` to use; default the global one. Without any, the source never opens (polling goes on). */
  EventSource?: EventSourceConstructor | undefined
  /** The longest wait between reconnects after the stream was refused. Default 30 s. */
  maxReconnectDelay?: number | undefined
  /**
   * One stream per browser for this `url`: the tab elected through the Web Locks API holds it and relays
   * its events to the other tabs over a BroadcastChannel (browsers allow about six connections per origin
   * over HTTP/1.1, so a seventh tab's stream would hang). Default true where both APIs exist; elsewhere
   * each tab holds its own stream.
   */
  shareAcrossTabs?: boolean | undefined
  /** The Web Locks and BroadcastChannel to share through; default the browser's. */
  tabs?: TabSharingApis | undefined
}

const CLOSED = 2
const FIRST_RECONNECT_MS = 1_000

/**
 * Pushed updates from a vidjob relay's `GET /videos/events` (Server-Sent Events), for
 * `createVideoClient({ transport, updates })`. The stream counts as open once the relay says it is caught
 * up (`ready`); a drop is reported at once (the client polls meanwhile) while the browser reconnects with
 * `Last-Event-ID`; a stream the server ended or refused is reopened here with backoff, resuming after the
 * last event id seen. Tabs of one browser share one stream (`shareAcrossTabs`). Where no `EventSource` exists (Node without a polyfill, server rendering) it stays
 * closed and the client polls as it would without it.
 *
 * @example
 * const client = createVideoClient({
 *   transport: createFetchTransport({ baseURL: '/api/videos/v1' }),
 *   updates: createEventSourceUpdates({ url: '/api/videos/v1/videos/events' }),
 * })
 */
export function createEventSourceUpdates(options: EventSourceUpdatesOptions): VideoUpdates {
  const updates$ = new Observable<VideoUpdate>((subscriber) => {
    const Source = options.EventSource ?? (globalThis as { EventSource?: EventSourceConstructor }).EventSource
    if (Source === undefined) return undefined
    const open: OpenStream = (after, emit) => openStream(Source, options, after, emit)
    const emit = (update: VideoUpdate): void => subscriber.next(update)
    const sharing = options.shareAcrossTabs === false ? undefined : (options.tabs ?? browserTabSharing())
    if (sharing === undefined) return open('', emit)
    return shareAcrossTabs(sharing, options.url, open, emit)
  })
  return { updates$ }
}

/** This tab's own stream, after `after`; returns its close. */
function openStream(
  Source: EventSourceConstructor,
  options: EventSourceUpdatesOptions,
  after: string,
  emit: (update: VideoUpdate, lastEventId: string) => void,
): () => void {
  const maxDelay = options.maxReconnectDelay ?? 30_000
  let source: EventSourceLike | undefined
  let lastEventId = after
  let retry: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  const remember = (event: { lastEventId: string }): void => {
    if (event.lastEventId !== '') lastEventId = event.lastEventId
  }
  const open = (): void => {
    const url = lastEventId === '' ? options.url : withLastEventId(options.url, lastEventId)
    const current = new Source(url, { withCredentials: options.withCredentials ?? false })
    source = current
    current.addEventListener('ready', (event) => {
      remember(event)
      failures = 0
      emit({ type: 'open' }, lastEventId)
    })
    current.addEventListener('video', (event) => {
      remember(event)
      emit({ type: 'video', video: parse(event.data) }, lastEventId)
    })
    current.addEventListener('reset', () => emit({ type: 'reset' }, lastEventId))
    current.onerror = () => {
      emit({ type: 'closed' }, lastEventId)
      // CONNECTING: the browser retries by itself, sending Last-Event-ID. CLOSED: it gave up; so do not we.
      if (current.readyState !== CLOSED || source !== current) return
      current.close()
      const delay = Math.min(maxDelay, FIRST_RECONNECT_MS * 2 ** failures++)
      retry = setTimeout(open, delay * (0.5 + Math.random() / 2))
    }
  }
  open()
  return () => {
    clearTimeout(retry)
    source?.close()
    source = undefined
  }
}

/** A new `EventSource` cannot set `Last-Event-ID`: the relay reads it from the query too. */
function withLastEventId(url: string, lastEventId: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}`
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}
