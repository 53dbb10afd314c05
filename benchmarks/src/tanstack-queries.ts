import {
  environmentManager,
  focusManager,
  onlineManager,
  type QueryClient,
  type QueryObserverOptions,
} from '@tanstack/query-core'
import {
  isTerminalStatus,
  VideoListSchema,
  VideoSchema,
  type Video,
  type VideoList,
  type VideoTransport,
} from '@vidjob/core'

/**
 * Makes TanStack Query behave as in a visible, online browser tab while running in Node: without a
 * `window` it considers itself a server and never schedules `refetchInterval` timers.
 *
 * @example actAsBrowserTab()
 */
export function actAsBrowserTab(): void {
  environmentManager.setIsServer(() => false)
  focusManager.setFocused(true)
  onlineManager.setOnline(true)
}

/**
 * Whether a video has reached its end, the test a team writes in `refetchInterval`.
 *
 * @example refetchInterval: (query) => (isFinished(query.state.data) ? false : 5_000)
 */
export function isFinished(video: Video | null | undefined): boolean {
  return video != null && isTerminalStatus(video.status)
}

/**
 * The query a team writes for one job: fetched through vidjob's transport (so transport cost is equal)
 * and validated with the same zod schema, polled every `intervalMs` until the job ends.
 *
 * @example new QueryObserver(queryClient, videoQuery(transport, id, 5_000))
 */
export function videoQuery(
  transport: VideoTransport,
  id: string,
  intervalMs: number,
): QueryObserverOptions<Video, Error, Video, Video, readonly ['video', string]> {
  return {
    queryKey: ['video', id],
    queryFn: async ({ signal }) => VideoSchema.parse((await transport.retrieve(id, { signal })).body),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : intervalMs),
  }
}

/** The key of the dashboard's list query. */
const LIST_KEY = ['videos', { limit: 100 }] as const

/**
 * TanStack Query's documented "initial data from cache": a row starts from the list query's copy of its
 * video, dated when the list fetched it, instead of mounting empty.
 *
 * @example useQuery({ ...videoQuery(transport, id, 5_000), ...seedFromList(queryClient, id) })
 */
export function seedFromList(
  queryClient: QueryClient,
  id: string,
): Pick<
  QueryObserverOptions<Video, Error, Video, Video, readonly ['video', string]>,
  'initialData' | 'initialDataUpdatedAt'
> {
  return {
    initialData: () => queryClient.getQueryData<VideoList>(LIST_KEY)?.data.find((video) => video.id === id),
    initialDataUpdatedAt: () => queryClient.getQueryState(LIST_KEY)?.dataUpdatedAt,
  }
}

/**
 * The dashboard's list query: the newest 100 videos, polled every `intervalMs` while any row is live.
 *
 * @example new QueryObserver(queryClient, videoListQuery(transport, 5_000))
 */
export function videoListQuery(
  transport: VideoTransport,
  intervalMs: number,
): QueryObserverOptions<VideoList, Error, VideoList, VideoList, readonly ['videos', { limit: number }]> {
  return {
    queryKey: LIST_KEY,
    queryFn: async ({ signal }) =>
      VideoListSchema.parse((await transport.list({ order: 'desc', limit: 100 }, { signal })).body),
    refetchInterval: (query) => (query.state.data?.data.every(isFinished) === true ? false : intervalMs),
  }
}
