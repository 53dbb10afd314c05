import type { VideoStatus } from '@vidjob/core'
import type { ReactNode } from 'react'
import { statusLabel } from '../format'

/**
 * The status of a job as a coloured label; `data-status` carries the API value for tests and styles.
 *
 * @example <StatusBadge status={job.status} />
 */
export function StatusBadge({ status }: { status: VideoStatus | undefined }): ReactNode {
  return (
    <span className="badge" data-testid="job-status" data-status={status ?? 'loading'}>
      {statusLabel(status)}
    </span>
  )
}
