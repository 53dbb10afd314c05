import { Observable } from 'rxjs'
import type { JobChange } from '../store/job-entry'
import type { VideoStore } from '../store/video-store'
import type { VideoClientEvent } from '../types'
import type { RequestPipe } from './requests'

/** `client.events$`: the store's job changes as events, completing when the client is disposed. */
export function clientEvents$(store: VideoStore, requests: RequestPipe): Observable<VideoClientEvent> {
  return new Observable<VideoClientEvent>((subscriber) => {
    if (requests.disposed) return subscriber.complete()
    const stopChanges = store.onChanges((changes) => changes.forEach((c) => subscriber.next(toEvent(c))))
    const stopDispose = requests.onDispose(() => subscriber.complete())
    return () => {
      stopChanges()
      stopDispose()
    }
  })
}

function toEvent(change: JobChange): VideoClientEvent {
  const { id, video, previous } = change
  if (change.deleted) return { type: 'deleted', id, video }
  const status = video?.status
  // The terminal statuses name their events.
  const becameTerminal = (status === 'completed' || status === 'failed') && status !== previous?.status
  return { type: becameTerminal ? status : 'updated', id, video }
}
