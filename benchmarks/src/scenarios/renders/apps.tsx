import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createVideoClient, type PollingOptions, type VideoTransport } from '@vidjob/core'
import { VideoClientProvider } from '@vidjob/react'
import type { ReactNode } from 'react'
import { actAsBrowserTab } from '../../tanstack-queries'
import { Dashboard, RowSourceContext } from './dashboard'
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
    mount({ transport, ids, log }) {
      const client = createVideoClient({ transport, polling })
      return {
        element: (
          <VideoClientProvider client={client}>
            <Dashboard ids={ids} log={log} Row={VidjobRow} />
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
    mount({ transport, ids, log, intervalMs }) {
      actAsBrowserTab()
      const client = new QueryClient()
      return {
        element: (
          <QueryClientProvider client={client}>
            <RowSourceContext.Provider value={{ transport, intervalMs }}>
              <Dashboard ids={ids} log={log} Row={TanstackRow} />
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
    mount({ transport, ids, log, intervalMs }) {
      return {
        element: (
          <RowSourceContext.Provider value={{ transport, intervalMs }}>
            <Dashboard ids={ids} log={log} Row={NaiveRow} />
          </RowSourceContext.Provider>
        ),
        dispose: () => undefined,
      }
    },
  }
}
