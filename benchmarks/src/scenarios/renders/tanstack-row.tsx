import { useQuery } from '@tanstack/react-query'
import { memo, type ReactNode } from 'react'
import { videoQuery } from '../../tanstack-queries'
import { useRowSource, type RowProps } from './dashboard'

/**
 * A dashboard row with `@tanstack/react-query`: `useQuery` with the defaults a team keeps — structural
 * sharing on, tracked `notifyOnChangeProps` — so it re-renders when `data`, `isPending` or `error`, the
 * fields it reads, change.
 *
 * @example <TanstackRow id={id} log={log} />
 */
export const TanstackRow = memo(function TanstackRow({ id, log }: RowProps): ReactNode {
  const { transport, intervalMs } = useRowSource()
  const { data, isPending, error } = useQuery(videoQuery(transport, id, intervalMs))
  log.row(id, data?.status)
  if (isPending) return <li>loading</li>
  return <li>{error ? error.message : `${data?.status} ${data?.progress}%`}</li>
})
