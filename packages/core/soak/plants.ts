import type { VideoClient, VideoJobState, VideoListHandle, VideoListState } from '@vidjob/core'
import { concatMap, map, type Observable } from 'rxjs'
import type { FindingKind } from './findings'
import type { SoakPlant } from './scenario'

/**
 * A defect for each kind of finding, planted in a broken double of the client (or of the wire under a
 * real one), never in the client itself: `plants.spec.ts` runs the soak with each and shows that the soak
 * reports that kind. A check that no plant can trip checks nothing.
 */
export const PLANTS: Readonly<Record<FindingKind, SoakPlant>> = {
  // A lagging answer shown after a newer one: each rise in progress is followed by the state before it.
  regression: {
    client: (client) =>
      double(client, {
        job$: (id) => {
          let previous: VideoJobState | undefined
          return client.job$(id).pipe(
            concatMap((state) => {
              const lagging = previous !== undefined && state.progress > previous.progress ? [previous] : []
              previous = state
              return [state, ...lagging]
            }),
          )
        },
      }),
  },
  // A tombstone forgotten: once a delete succeeded, the job reads as not deleted.
  resurrection: {
    client: (client) => {
      const deleted = new Set<string>()
      const undelete = (state: VideoJobState): VideoJobState =>
        deleted.has(state.id) ? { ...state, isDeleted: false } : state
      return double(client, {
        delete: (id) => client.delete(id).then(() => void deleted.add(id)),
        job$: (id) => client.job$(id).pipe(map(undelete)),
        getJob: (id) => undelete(client.getJob(id)),
      })
    },
  },
  // No optimistic delete: the job stays in place until the server has answered.
  delete: {
    client: (client) => double(client, { delete: (id) => Promise.resolve().then(() => client.delete(id)) }),
  },
  // Lists shown in the wrong order.
  list: {
    client: (client) =>
      double(client, { list: (query) => mapList(client.list(query), (state) => reversed(state)) }),
  },
  // `getJob` answers a copy, not what `job$` emitted.
  snapshot: {
    client: (client) => double(client, { getJob: (id) => ({ ...client.getJob(id) }) }),
  },
  // Structural sharing lost: every emission carries a fresh copy of the video.
  identity: {
    client: (client) =>
      double(client, {
        job$: (id) =>
          client
            .job$(id)
            .pipe(map((state) => (state.video ? { ...state, video: { ...state.video } } : state))),
      }),
  },
  // An observed entry collected: now and then a watched job's state has lost its video.
  collected: {
    client: (client) =>
      double(client, {
        job$: (id) =>
          client.job$(id).pipe(map((state, n) => (n % 4 === 3 ? { ...state, video: undefined } : state))),
      }),
  },
  // A subscription that errors.
  'subscriber-error': {
    client: (client) =>
      double(client, {
        job$: (id) =>
          client.job$(id).pipe(
            map((state, n) => {
              if (n === 2) throw new Error(`planted: job$(${id}) errors`)
              return state
            }),
          ),
      }),
  },
  // A transport that drops the failure of every failed video it reads.
  'final-state': {
    fetch: (fetch) => async (input, init) => {
      const response = await fetch(input, init)
      if (!response.ok || !response.headers.get('content-type')?.includes('json')) return response
      const text = await response.text()
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        return new Response(text, response)
      }
      const data: unknown = (body as { data?: unknown }).data
      for (const video of Array.isArray(data) ? data : [body])
        if ((video as { status?: unknown }).status === 'failed') (video as { error: unknown }).error = null
      return new Response(JSON.stringify(body), response)
    },
  },
  // `waitForCompletion` that gives up at once.
  wait: {
    client: (client) =>
      double(client, { waitForCompletion: () => Promise.reject(new Error('planted: no waiting')) }),
  },
  // A transport that retries a 429 at once, inside the pause the server asked for.
  pause: {
    fetch: (fetch) => async (input, init) => {
      const response = await fetch(input, init)
      return response.status === 429 ? fetch(input, init) : response
    },
  },
  // Each end told twice.
  event: {
    client: (client) =>
      double(client, {
        events$: client.events$.pipe(
          concatMap((event) =>
            event.type === 'completed' || event.type === 'failed' ? [event, event] : [event],
          ),
        ),
      }),
  },
  // A gateway that serves its last good copy instead of a 404 ("stale if error"): the client never finds
  // out that a delete whose answer was lost did happen.
  'lost-answer': {
    fetch: (fetch) => {
      const copies = new Map<string, string>()
      return async (input, init) => {
        const response = await fetch(input, init)
        const url = String(input)
        if ((init?.method ?? 'GET') !== 'GET' || !/\/videos\/[^/]+$/.test(new URL(url).pathname))
          return response
        if (response.ok) copies.set(url, await response.clone().text())
        const copy = copies.get(url)
        if (response.status !== 404 || copy === undefined) return response
        return new Response(copy, { headers: { 'content-type': 'application/json' } })
      }
    },
  },
}

/** The client with some members replaced. */
function double(client: VideoClient, replaced: Partial<VideoClient>): VideoClient {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (Object.hasOwn(replaced, key)) return replaced[key as keyof VideoClient]
      const value: unknown = Reflect.get(target, key, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** A list handle whose states are changed by `change` (each state once, so snapshots stay consistent). */
function mapList(
  handle: VideoListHandle,
  change: (state: VideoListState) => VideoListState,
): VideoListHandle {
  const changed = new WeakMap<VideoListState, VideoListState>()
  const view = (state: VideoListState): VideoListState => {
    let mapped = changed.get(state)
    if (mapped === undefined) changed.set(state, (mapped = change(state)))
    return mapped
  }
  const state$: Observable<VideoListState> = handle.state$.pipe(map(view))
  return new Proxy(handle, {
    get(target, key, receiver) {
      if (key === 'state$') return state$
      if (key === 'getState') return () => view(target.getState())
      const value: unknown = Reflect.get(target, key, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

function reversed(state: VideoListState): VideoListState {
  return { ...state, videos: [...state.videos].reverse() }
}
