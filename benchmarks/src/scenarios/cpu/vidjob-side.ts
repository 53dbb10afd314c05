import { createVideoClient, type VideoClient, type VideoListHandle, type VideoTransport } from '@vidjob/core'
import { Subscription } from 'rxjs'
import { settle, type CpuSide } from './cpu-side'
import { benchVideoId } from '../../video-fixture'
import type { CpuWorkload, CycleAnswers } from './workload'

/** Long enough that the poller never fires on its own during a measurement: every request is the harness's. */
const QUIET_POLLING = { minInterval: 3_600_000, maxInterval: 3_600_000 }

/**
 * vidjob through its public API: a transport that answers instantly from the cycle's precomputed bodies;
 * a cycle is `list.refresh()` (every loaded page) plus `client.refetch(id)` for the single retrieves.
 * Every body is validated (a row deep-equal to its cached video is taken as that validated video; the
 * rest are parsed), merged into the normalized store and emitted, as in production.
 *
 * @example const side = vidjobSide(workload)
 */
export function vidjobSide(workload: CpuWorkload): CpuSide {
  let answers: CycleAnswers | undefined
  let client: VideoClient | undefined
  let list: VideoListHandle | undefined
  let notifications = 0
  const subscriptions = new Subscription()
  const current = (): CycleAnswers => {
    if (answers === undefined) throw new Error('No cycle is running.')
    return answers
  }
  const transport: VideoTransport = {
    list: async (query) => ({ body: current().pages.get(query.after ?? '') }),
    retrieve: async (id) => ({ body: current().singles.get(id) }),
    create: unused,
    remix: unused,
    delete: unused,
    downloadContent: unused,
  }
  return {
    name: 'vidjob',
    config: `@vidjob/core client, instant transport; cycle = list.refresh() (${workload.jobs / workload.pageSize} pages) + client.refetch(id) × ${workload.singles}`,
    async start(first) {
      answers = first
      client = createVideoClient({ transport, polling: QUIET_POLLING })
      list = client.list({ limit: workload.pageSize })
      subscriptions.add(list.state$.subscribe(() => notifications++))
      await list.refresh()
      while (list.getState().hasMore) await list.fetchNextPage()
      for (let index = 0; index < workload.jobs; index++) {
        let replayed = false
        subscriptions.add(
          client.job$(benchVideoId(index)).subscribe(() => {
            if (replayed) notifications++
            replayed = true
          }),
        )
      }
      notifications = 0
    },
    async cycle(next) {
      answers = next
      const ids = [...next.singles.keys()]
      await list?.refresh()
      await Promise.all(ids.map((id) => client?.refetch(id)))
      await settle()
    },
    get notifications() {
      return notifications
    },
    stop() {
      subscriptions.unsubscribe()
      client?.dispose()
    },
  }
}

async function unused(): Promise<never> {
  throw new Error('The CPU benchmark only lists and retrieves.')
}
