import type { VideoClient, VideoClientEvent } from '@vidjob/core'
import { subscribeChecked, type Findings } from './findings'

type EventType = VideoClientEvent['type']

/**
 * Watches `client.events$` for a whole run, checking every event as it comes: nothing is told of a job
 * after its `deleted` event (a confirmed delete takes nothing new), and a job's end is told once, as
 * `completed` or `failed`, with a video of that status. Its `deleted` events are how the soak learns that
 * the client confirmed a delete it did not make itself (one that succeeded behind a lost answer).
 *
 * @example
 * const events = new EventObserver(client, findings)
 * events.isConfirmedDeleted('video_1') // true once `deleted` came for it
 */
export class EventObserver {
  /** How many events of each type came. */
  readonly counts: Record<EventType, number> = { updated: 0, completed: 0, failed: 0, deleted: 0 }
  private readonly deleted = new Set<string>()
  private readonly ended = new Map<string, 'completed' | 'failed'>()
  private readonly release: () => void

  constructor(
    client: VideoClient,
    private readonly findings: Findings,
  ) {
    this.release = subscribeChecked(client.events$, findings, 'events$', (event) => this.check(event))
  }

  /** A `deleted` event came for `id`. */
  isConfirmedDeleted(id: string): boolean {
    return this.deleted.has(id)
  }

  stop(): void {
    this.release()
  }

  private check({ type, id, video }: VideoClientEvent): void {
    this.counts[type]++
    if (this.deleted.has(id)) this.findings.add('event', `${type} event for ${id} after its deleted event`)
    if (type === 'deleted') this.deleted.add(id)
    if (type !== 'completed' && type !== 'failed') return
    const ended = this.ended.get(id)
    if (ended) this.findings.add('event', `${type} event for ${id}, which had already ${ended}`)
    else this.ended.set(id, type)
    if (video?.status !== type)
      this.findings.add('event', `${type} event for ${id} with a ${video?.status ?? 'missing'} video`)
  }
}
