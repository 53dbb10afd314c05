import { QueryClient, QueryObserver } from '@tanstack/query-core'
import { createVideoClient, type Video, type VideoTransport } from '@vidjob/core'
import { actAsBrowserTab, videoQuery } from '../../tanstack-queries'

/**
 * A cache under test, reduced to what the memory scenario does with it.
 *
 * @example const unsubscribe = subject.subscribe(id); unsubscribe()
 */
export interface MemorySubject {
  /** Subscribes one component-like observer to a job; returns its unsubscribe. */
  subscribe(id: string): () => void
  /** Puts a server video in the cache, as a fetch or a push would. */
  cache(video: unknown): void
  /** The state object the cache currently holds for a job (what a component reads). */
  stateOf(id: string): object | undefined
  /** Whether the job's video has been loaded. */
  hasData(id: string): boolean
  dispose(): void
}

/**
 * How each library's subject is built, with the words the report uses for it.
 *
 * @example const subject = vidjobSubject.create(transport)
 */
export interface MemorySubjectKind {
  readonly name: string
  readonly config: string
  /** No cache at all: only the harness's own heap drift (mock API, fetch, fake clock) is measured. */
  readonly control?: true
  create(transport: VideoTransport): MemorySubject
}

/**
 * gcTime both libraries default to: 5 minutes.
 *
 * @example await clock.tickAsync(DEFAULT_GC_TIME_MS + 60_000)
 */
export const DEFAULT_GC_TIME_MS = 5 * 60_000

/**
 * vidjob: `job$(id)` subscriptions, `ingest()` to cache, `getJob()` for the state.
 *
 * @example const subject = vidjobSubject.create(transport)
 */
export const vidjobSubject: MemorySubjectKind = {
  name: 'vidjob',
  config: '@vidjob/core client, default options (gcTime 5 min, adaptive polling)',
  create(transport) {
    const client = createVideoClient({ transport })
    return {
      subscribe: (id) => {
        const subscription = client.job$(id).subscribe(() => undefined)
        return () => subscription.unsubscribe()
      },
      cache: (video) => client.ingest(video),
      stateOf: (id) => client.getJob(id),
      hasData: (id) => client.getJob(id).video !== undefined,
      dispose: () => client.dispose(),
    }
  },
}

/**
 * TanStack Query: a `QueryObserver` per subscription, `setQueryData` to cache, the query's state object.
 *
 * @example const subject = tanstackSubject.create(transport)
 */
export const tanstackSubject: MemorySubjectKind = {
  name: 'TanStack Query',
  config:
    '@tanstack/query-core QueryClient, default options (gcTime 5 min); refetchInterval 5 s until terminal',
  create(transport) {
    actAsBrowserTab()
    const client = new QueryClient()
    client.mount()
    return {
      subscribe: (id) =>
        new QueryObserver(client, videoQuery(transport, id, 5_000)).subscribe(() => undefined),
      cache: (video) => client.setQueryData(['video', (video as Video).id], video as Video),
      stateOf: (id) => client.getQueryCache().find({ queryKey: ['video', id] })?.state,
      hasData: (id) => client.getQueryData(['video', id]) !== undefined,
      dispose: () => {
        client.clear()
        client.unmount()
      },
    }
  },
}

/**
 * The control: each "subscription" sends the same request through the same transport and aborts it on
 * unsubscribe, with no cache behind it. Its heap change is what the harness itself leaves behind.
 *
 * @example const subject = controlSubject.create(transport)
 */
export const controlSubject: MemorySubjectKind = {
  name: 'control (no cache)',
  config: 'the same requests through the same transport and mock, aborted on unsubscribe; nothing cached',
  control: true,
  create(transport) {
    return {
      subscribe: (id) => {
        const controller = new AbortController()
        transport.retrieve(id, { signal: controller.signal }).catch(() => undefined)
        return () => controller.abort()
      },
      cache: () => undefined,
      stateOf: () => undefined,
      hasData: () => false,
      dispose: () => undefined,
    }
  },
}
