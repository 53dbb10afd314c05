import { QueryClient, QueryObserver } from '@tanstack/query-core'
import { actAsBrowserTab, isFinished, videoListQuery, videoQuery } from '../../tanstack-queries'
import type { Contender } from './contender'

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
    start(context) {
      actAsBrowserTab()
      const { transport, intervalMs } = context
      const client = new QueryClient()
      client.mount()
      const list = new QueryObserver(client, videoListQuery(transport, intervalMs))
      const unsubscribes = [list.subscribe(() => undefined)]
      for (const id of context.ids)
        for (let observer = 0; observer < context.observers; observer++) {
          const job = new QueryObserver(client, videoQuery(transport, id, intervalMs))
          unsubscribes.push(job.subscribe((result) => context.seen(id, observer, isFinished(result.data))))
        }
      return () => {
        unsubscribes.forEach((unsubscribe) => unsubscribe())
        client.clear()
        client.unmount()
      }
    },
  }
}
