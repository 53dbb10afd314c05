import { useQuery, useQueryClient } from '@tanstack/react-query'
import { memo, type ReactNode } from 'react'
import { seedFromList, videoQuery } from '../../tanstack-queries'
import { useRowSource, type RowProps } from './dashboard'

/**
 * A dashboard row with `@tanstack/react-query`: `useQuery` with the defaults a team keeps — structural
 * sharing on, tracked `notifyOnChangeProps` — so it re-renders when `data`, `isPending` or `error`, the
 * fields it reads, change. Under a list it starts from the list's copy of its video, as TanStack's docs advise.
 *
 * @example <TanstackRow id={id} log={log} />
 */
export const TanstackRow = memo(function TanstackRow({ id, log }: RowProps): ReactNode {
  const source = useRowSource()
  const queryClient = useQueryClient()
  const query = videoQuery(source.transport, id, source.intervalMs)
  const { data, isPending, error } = useQuery(
    source.seedFromList === true ? { ...query, ...seedFromList(queryClient, id) } : query,
  )
  log.row(id, data?.status)
  if (isPending) return <li>loading</li>
  return <li>{error ? error.message : `${data?.status} ${data?.progress}%`}</li>
})
