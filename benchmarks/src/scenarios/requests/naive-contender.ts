import { pollVideo } from '../../naive-poll'
import { isFinished } from '../../tanstack-queries'
import type { Contender } from './contender'

/**
 * What components do without a library: each one fetches on mount, then polls with `setInterval` every
 * 5 s until the job it shows ends.
 *
 * @example const contender = naiveContender()
 */
export function naiveContender(): Contender {
  return {
    name: 'naive setInterval',
    config: 'per component: fetch on mount, then setInterval 5 s until terminal (no sharing)',
    start(context) {
      const stops: (() => void)[] = []
      for (const id of context.ids)
        for (let observer = 0; observer < context.observers; observer++)
          stops.push(
            pollVideo(context.transport, id, context.intervalMs, (video) =>
              context.seen(id, observer, isFinished(video)),
            ),
          )
      return () => stops.forEach((stop) => stop())
    },
  }
}
