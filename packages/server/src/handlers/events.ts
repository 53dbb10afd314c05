import { SseStream } from '../events/sse-stream'
import type { RelayUser } from '../options'
import type { RelayContext } from './context'

/** Every open stream, for heartbeats and shutdown. */
export type OpenStreams = Set<SseStream>

/**
 * `GET /videos/events`: the caller's jobs as Server-Sent Events. A stream that resumes (`Last-Event-ID`,
 * or `?lastEventId=` for a new `EventSource`) gets the events it missed from the event log; one too old
 * for it gets `event: reset` (refetch what you show), and a new one gets the caller's live jobs as they
 * are now. Then every change, as `event: video` with increasing ids. In a fleet the log is shared, so the
 * ids resume on any instance; changes this instance could not share (Redis down) come without an id.
 */
export async function videoEvents(
  context: RelayContext,
  user: RelayUser,
  request: Request,
  url: URL,
  streams: OpenStreams,
): Promise<Response> {
  const { log, events, live } = context
  const resumeFrom = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId')
  const missed = resumeFrom === null ? 'reset' : await log.since(user.id, resumeFrom)
  const stream = new SseStream(events.maxQueuedBytes)
  stream.write(`retry: ${events.retryMs}\n\n`)
  let after: string
  if (missed === 'reset') {
    // The head first: a change made while the jobs are read comes again after it, never not at all.
    after = await log.head(user.id)
    if (resumeFrom !== null) stream.event('reset', '{}')
    for (const video of await live.of(user.id)) stream.event('video', JSON.stringify(video))
    stream.event('ready', '{}', after)
  } else {
    missed.forEach((event) => stream.event('video', event.data, event.id))
    after = missed.at(-1)?.id ?? (resumeFrom as string)
    stream.event('ready', '{}')
  }
  const stops = [
    log.subscribe(user.id, after, (event) => stream.event('video', event.data, event.id)),
    live.onUnshared(user.id, (video) => stream.event('video', JSON.stringify(video))),
  ]
  streams.add(stream)
  stream.onClose(() => {
    stops.forEach((stop) => stop())
    streams.delete(stream)
  })
  request.signal.addEventListener('abort', () => stream.close(), { once: true })
  return new Response(stream.body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'private, no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  })
}

/** Starts the heartbeat of every open stream: one timer for the relay, not one per stream. */
export function startHeartbeat(streams: OpenStreams, everyMs: number): () => void {
  const timer = setInterval(() => streams.forEach((stream) => stream.write(': heartbeat\n\n')), everyMs)
  ;(timer as { unref?: () => void }).unref?.()
  return () => clearInterval(timer)
}
