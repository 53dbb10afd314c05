import type { VideoTransport } from '@vidjob/core'
import { createContext, Profiler, useContext, type ComponentType, type ReactNode } from 'react'
import type { RenderLog } from './render-log'

/** Props of one memoized row. */
export interface RowProps {
  readonly id: string
  readonly log: RenderLog
}

/** Where rows that fetch for themselves (TanStack Query, naive) get the transport and the interval. */
export interface RowSource {
  readonly transport: VideoTransport
  readonly intervalMs: number
  /** Rows start from the list's copy of their video (TanStack Query's "initial data from cache"). */
  readonly seedFromList?: boolean
}

/**
 * Provides the {@link RowSource} of an app that wires its own fetching.
 *
 * @example <RowSourceContext.Provider value={{ transport, intervalMs: 5_000 }}>{children}</RowSourceContext.Provider>
 */
export const RowSourceContext = createContext<RowSource | null>(null)

/**
 * The provided {@link RowSource}; throws without a provider.
 *
 * @example const { transport, intervalMs } = useRowSource()
 */
export function useRowSource(): RowSource {
  const source = useContext(RowSourceContext)
  if (source === null) throw new Error('This row needs a <RowSourceContext.Provider> above it.')
  return source
}

/** Where the dashboard's row ids come from: given (a known set) or a contender's list hook (undefined while loading). */
export type UseRowIds = () => readonly string[] | undefined

/**
 * The dashboard every contender renders: one memoized `Row` per id that `useIds` gives, under a React
 * Profiler that counts commits.
 *
 * @example <Dashboard useIds={() => ids} log={log} Row={VidjobRow} />
 */
export function Dashboard({
  useIds,
  log,
  Row,
}: {
  useIds: UseRowIds
  log: RenderLog
  Row: ComponentType<RowProps>
}): ReactNode {
  const ids = useIds()
  return (
    <Profiler id="dashboard" onRender={log.commit}>
      <ul>
        {ids?.map((id) => (
          <Row key={id} id={id} log={log} />
        ))}
      </ul>
    </Profiler>
  )
}
