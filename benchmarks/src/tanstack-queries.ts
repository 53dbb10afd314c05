import {
  environmentManager,
  focusManager,
  onlineManager,
  type QueryClient,
  type QueryObserverOptions,
} from '@tanstack/query-core'
import { type Video, type VideoList, type VideoTransport } from '@vidjob/core'
import { isTerminalStatus, normalizeVideo, VideoListSchema, VideoSchema } from '@vidjob/core/schema'

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

/** The options of one job's query. */
export type VideoQueryOptions = QueryObserverOptions<Video, Error, Video, Video, readonly ['video', string]>

/** The options of the dashboard's list query. */
export type VideoListQueryOptions = QueryObserverOptions<
  VideoList,
  Error,
  VideoList,
  VideoList,
  readonly ['videos', { limit: number }]
>

/**
 * The query a team writes for one job: fetched through vidjob's transport (so transport cost is equal)
 * and validated with the same zod schema (after vidjob's own normalization with `normalize`, for a
 * compatible server), polled every `intervalMs` until the job ends.
 *
 * @example new QueryObserver(queryClient, videoQuery(transport, id, 5_000))
 */
export function videoQuery(
  transport: VideoTransport,
  id: string,
  intervalMs: number,
  { normalize = false } = {},
): VideoQueryOptions {
  return {
    queryKey: ['video', id],
    queryFn: async ({ signal }) => {
      const { body } = await transport.retrieve(id, { signal })
      // A compatible server's statuses and nulls need vidjob's normalization before the spec's schema.
      return VideoSchema.parse(normalize ? normalizeVideo(body, { requestedId: id }) : body)
    },
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
): Pick<VideoQueryOptions, 'initialData' | 'initialDataUpdatedAt'> {
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
export function videoListQuery(transport: VideoTransport, intervalMs: number): VideoListQueryOptions {
  return {
    queryKey: LIST_KEY,
    queryFn: ({ signal }) => fetchNewestPage(transport, signal),
    refetchInterval: (query) => (query.state.data?.data.every(isFinished) === true ? false : intervalMs),
  }
}

/**
 * The list query of a team that normalizes by hand: each page it fetches is also written into the
 * per-job queries (`setQueryData`, structurally shared), so a job on the page needs no poll of its own.
 *
 * @example new QueryObserver(queryClient, normalizingListQuery(queryClient, transport, 5_000))
 */
export function normalizingListQuery(
  queryClient: QueryClient,
  transport: VideoTransport,
  intervalMs: number,
): VideoListQueryOptions {
  return {
    ...videoListQuery(transport, intervalMs),
    queryFn: async ({ signal }) => {
      const page = await fetchNewestPage(transport, signal)
      for (const video of page.data) queryClient.setQueryData(['video', video.id], video)
      return page
    },
  }
}

/**
 * The per-job query beside `normalizingListQuery`: it polls only while its job is not on the list's
 * page (the list keeps the others fresh), and treats data as fresh for one interval so a row that
 * mounts after the list wrote its job does not fetch it again.
 *
 * @example new QueryObserver(queryClient, listAwareVideoQuery(queryClient, transport, id, 5_000))
 */
export function listAwareVideoQuery(
  queryClient: QueryClient,
  transport: VideoTransport,
  id: string,
  intervalMs: number,
): VideoQueryOptions {
  const onListPage = (): boolean =>
    queryClient.getQueryData<VideoList>(LIST_KEY)?.data.some((video) => video.id === id) === true
  return {
    ...videoQuery(transport, id, intervalMs),
    staleTime: intervalMs,
    refetchInterval: (query) => (isFinished(query.state.data) || onListPage() ? false : intervalMs),
  }
}

async function fetchNewestPage(transport: VideoTransport, signal: AbortSignal): Promise<VideoList> {
  return VideoListSchema.parse((await transport.list({ order: 'desc', limit: 100 }, { signal })).body)
}
