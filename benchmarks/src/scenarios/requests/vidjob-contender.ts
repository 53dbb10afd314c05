import { createVideoClient, type PollingOptions } from '@vidjob/core'
import { Subscription } from 'rxjs'
import type { Contender } from './contender'

/**
 * vidjob as an app uses it: one client, `job$(id)` per component that shows a job, and the dashboard's
 * list (`client.list({ limit: 100 })`) observed. The shared poller decides what to request.
 *
 * @example const contender = vidjobContender('vidjob', 'adaptive', {})
 */
export function vidjobContender(name: string, config: string, polling: PollingOptions): Contender {
  return {
    name,
    config,
    start(context) {
      const client = createVideoClient({ transport: context.transport, polling })
      const subscriptions = new Subscription()
      subscriptions.add(client.list({ limit: 100 }).state$.subscribe())
      for (const id of context.ids)
        for (let observer = 0; observer < context.observers; observer++)
          subscriptions.add(
            client.job$(id).subscribe((state) => context.seen(id, observer, state.isTerminal)),
          )
      return () => {
        subscriptions.unsubscribe()
        client.dispose()
      }
    },
  }
}
