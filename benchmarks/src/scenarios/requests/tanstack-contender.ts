import { QueryClient, QueryObserver } from '@tanstack/query-core'
import {
  actAsBrowserTab,
  isFinished,
  listAwareVideoQuery,
  normalizingListQuery,
  videoListQuery,
  videoQuery,
  type VideoListQueryOptions,
  type VideoQueryOptions,
} from '../../tanstack-queries'
import type { Contender, TrackingContext } from './contender'

/**
 * TanStack Query as a team would write it: a `QueryObserver` (what `useQuery` creates) per component and
 * job, with `refetchInterval` stopping at a terminal status, plus one list query polled while any row is
 * live.
 *
 * @example const contender = tanstackContender()
 */
export function tanstackContender(): Contender {
  return {
    name: 'TanStack Query',
    config:
      '@tanstack/query-core: a QueryObserver per component, refetchInterval 5 s until terminal; a list ' +
      'query (limit 100) every 5 s while any row is live; other options default (staleTime 0, retry 3)',
    start: (context) =>
      trackWithTanStack(context, {
        list: () => videoListQuery(context.transport, context.intervalMs),
        job: (_, id) => videoQuery(context.transport, id, context.intervalMs),
      }),
  }
}

/**
 * TanStack Query on a server without a list route, as a team would write it there: a `QueryObserver` per
 * component and job, no list query (it could only fail), each body normalized by vidjob's `normalizeVideo`
 * before the schema, as vidjob's own client does.
 *
 * @example const contender = tanstackPerJobContender()
 */
export function tanstackPerJobContender(): Contender {
  return {
    name: 'TanStack Query',
    config:
      '@tanstack/query-core: a QueryObserver per component, refetchInterval 5 s until terminal, no list ' +
      "query; bodies through @vidjob/core/schema's normalizeVideo, then VideoSchema",
    start: (context) =>
      trackWithTanStack(context, {
        job: (_, id) => videoQuery(context.transport, id, context.intervalMs, { normalize: true }),
      }),
  }
}

/**
 * TanStack Query normalized by hand, the most a team would write without a library for it: the list
 * query writes each video it fetches into the per-job queries, which poll only while their job is off
 * the list's page.
 *
 * @example const contender = tanstackNormalizedContender()
 */
export function tanstackNormalizedContender(): Contender {
  return {
    name: 'TanStack normalized',
    config:
      '@tanstack/query-core as above, but the list query setQueryData()s every video it fetches into the ' +
      'per-job queries, which poll (5 s) only while their job is not on the list page and have staleTime 5 s',
    start: (context) =>
      trackWithTanStack(context, {
        list: (client) => normalizingListQuery(client, context.transport, context.intervalMs),
        job: (client, id) => listAwareVideoQuery(client, context.transport, id, context.intervalMs),
      }),
  }
}

/** How one TanStack contender builds its queries. */
interface TanStackQueries {
  list?(client: QueryClient): VideoListQueryOptions
  job(client: QueryClient, id: string): VideoQueryOptions
}

function trackWithTanStack(context: TrackingContext, queries: TanStackQueries): () => void {
  actAsBrowserTab()
  const client = new QueryClient()
  client.mount()
  const unsubscribes: (() => void)[] = []
  if (queries.list)
    unsubscribes.push(new QueryObserver(client, queries.list(client)).subscribe(() => undefined))
  for (const id of context.ids)
    for (let observer = 0; observer < context.observers; observer++) {
      const job = new QueryObserver(client, queries.job(client, id))
      unsubscribes.push(job.subscribe((result) => context.seen(id, observer, isFinished(result.data))))
    }
  return () => {
    unsubscribes.forEach((unsubscribe) => unsubscribe())
    client.clear()
    client.unmount()
  }
}
