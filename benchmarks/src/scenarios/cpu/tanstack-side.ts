import { notifyManager, QueryClient, QueryObserver } from '@tanstack/query-core'
import { type Video, type VideoList } from '@vidjob/core'
import { VideoListSchema, VideoSchema } from '@vidjob/core/schema'
import { actAsBrowserTab } from '../../tanstack-queries'
import { settle, type CpuSide } from './cpu-side'
import { benchVideoId } from '../../video-fixture'
import type { CpuWorkload, CycleAnswers } from './workload'

interface ListData {
  readonly pages: readonly VideoList[]
  readonly pageParams: readonly string[]
}

/**
 * TanStack Query fed the same answers with `setQueryData`: the list's pages as one infinite-query value
 * and every video under its own key (the normalization a team writes so rows update from list pages),
 * with a `QueryObserver` per job and one on the list. With `validate`, every body is parsed with vidjob's
 * zod schemas first, as a team that validates its data does; vidjob itself parses only the rows that
 * differ from its cache, so that side does more parsing than vidjob. Without it TanStack gets the bodies
 * as they are, no validation at all: the baseline of the bar.
 *
 * @example const side = tanstackSide(workload, false)
 */
export function tanstackSide(workload: CpuWorkload, validate: boolean): CpuSide {
  let client: QueryClient | undefined
  let notifications = 0
  const unsubscribes: (() => void)[] = []
  const checkPage = (page: VideoList): VideoList => (validate ? VideoListSchema.parse(page) : page)
  const checkVideo = (video: Video): Video => (validate ? VideoSchema.parse(video) : video)
  const feed = (queryClient: QueryClient, answers: CycleAnswers): void => {
    const pages = [...answers.pages.values()].map(checkPage)
    queryClient.setQueryData<ListData>(['videos', { limit: workload.pageSize }], {
      pages,
      pageParams: [...answers.pages.keys()],
    })
    for (const page of pages)
      for (const video of page.data) queryClient.setQueryData(['video', video.id], video)
    for (const [id, video] of answers.singles) queryClient.setQueryData(['video', id], checkVideo(video))
  }
  return {
    name: validate ? 'TanStack Query + zod' : 'TanStack Query',
    config: validate
      ? "@tanstack/query-core setQueryData (default structural sharing) after parsing every body with vidjob's zod schemas; QueryObserver per job + list"
      : '@tanstack/query-core setQueryData (default structural sharing) of the bodies as given, no validation; QueryObserver per job + list',
    async start(first) {
      actAsBrowserTab()
      // Microtask batching instead of setTimeout(0), so a cycle's time is CPU work, not a timer's wait.
      notifyManager.setScheduler(queueMicrotask)
      client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })
      client.mount()
      feed(client, first)
      const observe = (queryKey: readonly unknown[]): void => {
        const observer = new QueryObserver(client as QueryClient, {
          queryKey,
          queryFn: unreachable,
          // What a row that reads data, isPending and error subscribes to (useQuery's tracked props).
          notifyOnChangeProps: ['data', 'isPending', 'error'],
        })
        unsubscribes.push(observer.subscribe(() => notifications++))
      }
      observe(['videos', { limit: workload.pageSize }])
      for (let index = 0; index < workload.jobs; index++) observe(['video', benchVideoId(index)])
      await settle()
      notifications = 0
    },
    async cycle(answers) {
      if (client === undefined) throw new Error('start() first.')
      feed(client, answers)
      await settle()
    },
    get notifications() {
      return notifications
    },
    stop() {
      unsubscribes.forEach((unsubscribe) => unsubscribe())
      client?.clear()
      client?.unmount()
    },
  }
}

async function unreachable(): Promise<never> {
  throw new Error('Data comes from setQueryData; staleTime Infinity never refetches.')
}
