import { useVideoJob } from '@vidjob/react'
import { memo, type ReactNode } from 'react'
import type { RowProps } from './dashboard'

/**
 * A dashboard row with `@vidjob/react`: reads its own job with `useVideoJob`.
 *
 * @example <VidjobRow id={id} log={log} />
 */
export const VidjobRow = memo(function VidjobRow({ id, log }: RowProps): ReactNode {
  const job = useVideoJob(id)
  log.row(id, job.status)
  return <li>{job.error ? job.error.message : `${job.status ?? 'loading'} ${job.progress}%`}</li>
})
