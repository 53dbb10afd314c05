import type { HubEvent } from '../events/event-hub'
import { SseStream } from '../events/sse-stream'
import type { RelayUser } from '../options'
import type { RelayContext } from './context'

/** Every open stream, for heartbeats and shutdown. */
export type OpenStreams = Set<SseStream>

/**
 * `GET /videos/events`: the caller's jobs as Server-Sent Events. A stream that resumes (`Last-Event-ID`,
 * or `?lastEventId=` for a new `EventSource`) gets the events it missed from the hub's buffer; one too old
 * for it gets `event: reset` (refetch what you show), and a new one gets the caller's live jobs as they
 * are now. Then every change, as `event: video` with increasing ids.
 */
export function videoEvents(
  context: RelayContext,
  user: RelayUser,
  request: Request,
  url: URL,
  streams: OpenStreams,
): Response {
  const { hub, events } = context
  const stream = new SseStream(events.maxQueuedBytes)
  streams.add(stream)
  const unsubscribe = hub.subscribe(user.id, (event) => send(stream, event))
  stream.onClose(() => {
    unsubscribe()
    streams.delete(stream)
  })
  request.signal.addEventListener('abort', () => stream.close(), { once: true })
  stream.write(`retry: ${events.retryMs}\n\n`)
  const resumeFrom = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId')
  const missed = resumeFrom === null ? 'reset' : hub.since(user.id, Number(resumeFrom))
  if (missed === 'reset') {
    if (resumeFrom !== null) stream.event('reset', '{}')
    for (const video of context.live.of(user.id)) stream.event('video', JSON.stringify(video))
    stream.event('ready', '{}', hub.lastId)
  } else {
    missed.forEach((event) => send(stream, event))
    stream.event('ready', '{}')
  }
  return new Response(stream.body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'private, no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  })
}

function send(stream: SseStream, event: HubEvent): void {
  stream.event('video', event.data, event.id)
}

/** Starts the heartbeat of every open stream: one timer for the relay, not one per stream. */
export function startHeartbeat(streams: OpenStreams, everyMs: number): () => void {
  const timer = setInterval(() => streams.forEach((stream) => stream.write(': heartbeat\n\n')), everyMs)
  ;(timer as { unref?: () => void }).unref?.()
  return () => clearInterval(timer)
}
