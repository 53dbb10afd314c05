import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { createVideoClient, type PollingOptions, type VideoTransport } from '@vidjob/core'
import { VideoListSchema } from '@vidjob/core/schema'
import { useVideoList, VideoClientProvider } from '@vidjob/react'
import { useEffect, useState, type ReactNode } from 'react'
import { actAsBrowserTab, videoListQuery } from '../../tanstack-queries'
import { Dashboard, RowSourceContext, useRowSource, type UseRowIds } from './dashboard'
import { NaiveRow } from './naive-row'
import type { RenderLog } from './render-log'
import { TanstackRow } from './tanstack-row'
import { VidjobRow } from './vidjob-row'

/**
 * What an app needs to show the dashboard.
 *
 * @example vidjobApp('vidjob', 'defaults', {}).mount({ transport, ids, log, intervalMs: 5_000 })
 */
export interface AppContext {
  readonly transport: VideoTransport
  readonly ids: readonly string[]
  readonly log: RenderLog
  readonly intervalMs: number
  /**
   * Where the rows come from: `ids` renders the given ids (a known set, a deep link); `list` lists the
   * newest 100 videos with the contender's own list and renders a row per video, each reading its own job.
   */
  readonly rows: 'ids' | 'list'
}

/**
 * One contender's app: the element to render and how to release what it created.
 *
 * @example const { element, dispose } = tanstackApp().mount(context)
 */
export interface DashboardApp {
  readonly name: string
  readonly config: string
  mount(context: AppContext): { element: ReactNode; dispose(): void }
}

/**
 * The dashboard on `@vidjob/react`: one client under `VideoClientProvider`.
 *
 * @example const app = vidjobApp('vidjob', 'adaptive', {})
 */
export function vidjobApp(name: string, config: string, polling: PollingOptions): DashboardApp {
  return {
    name,
    config,
    mount({ transport, ids, log, rows }) {
      const client = createVideoClient({ transport, polling })
      return {
        element: (
          <VideoClientProvider client={client}>
            <Dashboard useIds={rows === 'ids' ? () => ids : useVidjobListIds} log={log} Row={VidjobRow} />
          </VideoClientProvider>
        ),
        dispose: () => client.dispose(),
      }
    },
  }
}

/**
 * The dashboard on `@tanstack/react-query`: one `QueryClient` with default options.
 *
 * @example const app = tanstackApp()
 */
export function tanstackApp(): DashboardApp {
  return {
    name: 'TanStack Query',
    config:
      '@tanstack/react-query useQuery per row, refetchInterval 5 s until terminal; default structuralSharing ' +
      '(on) and notifyOnChangeProps (tracked: the row reads data, isPending, error)',
    mount({ transport, ids, log, intervalMs, rows }) {
      actAsBrowserTab()
      const client = new QueryClient()
      return {
        element: (
          <QueryClientProvider client={client}>
            <RowSourceContext.Provider value={{ transport, intervalMs, seedFromList: rows === 'list' }}>
              <Dashboard
                useIds={rows === 'ids' ? () => ids : useTanstackListIds}
                log={log}
                Row={TanstackRow}
              />
            </RowSourceContext.Provider>
          </QueryClientProvider>
        ),
        dispose: () => client.clear(),
      }
    },
  }
}

/**
 * The dashboard without a library: each row polls on its own.
 *
 * @example const app = naiveApp()
 */
export function naiveApp(): DashboardApp {
  return {
    name: 'naive setInterval',
    config: 'per row: useEffect + setInterval 5 s + useState until terminal',
    mount({ transport, ids, log, intervalMs, rows }) {
      return {
        element: (
          <RowSourceContext.Provider value={{ transport, intervalMs }}>
            <Dashboard useIds={rows === 'ids' ? () => ids : useNaiveListIds} log={log} Row={NaiveRow} />
          </RowSourceContext.Provider>
        ),
        dispose: () => undefined,
      }
    },
  }
}

const NEWEST_100 = { limit: 100 } as const

/** vidjob's list: `useVideoList`, whose rows land in the normalized cache the row hooks read. */
function useVidjobListIds(): readonly string[] | undefined {
  const { videos, isLoaded } = useVideoList(NEWEST_100)
  return isLoaded ? videos.map((video) => video.id) : undefined
}

/** TanStack Query's list: a list query beside the per-row queries (the "plus a list query"). */
const useTanstackListIds: UseRowIds = () => {
  const { transport, intervalMs } = useRowSource()
  return useQuery(videoListQuery(transport, intervalMs)).data?.data.map((video) => video.id)
}

/** Without a library: the list fetched once on mount. */
const useNaiveListIds: UseRowIds = () => {
  const { transport } = useRowSource()
  const [ids, setIds] = useState<readonly string[]>()
  useEffect(() => {
    const controller = new AbortController()
    void transport
      .list({ order: 'desc', limit: 100 }, { signal: controller.signal })
      .then((result) => setIds(VideoListSchema.parse(result.body).data.map((video) => video.id)))
      .catch(() => undefined)
    return () => controller.abort()
  }, [transport])
  return ids
}
