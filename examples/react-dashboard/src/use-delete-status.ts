import { createContext, useContext, useSyncExternalStore } from 'react'
import type { DeleteStatus, PendingDeletes } from '@vidjob/dashboard-shared'

/** The app's {@link PendingDeletes}, provided once by `App`. */
export const PendingDeletesContext = createContext<PendingDeletes | null>(null)

/**
 * The delete status of one video, re-rendering only when it changes.
 *
 * @example const { status, deletes } = useDeleteStatus(id); if (status?.phase === 'pending') ...
 */
export function useDeleteStatus(id: string): { status: DeleteStatus | undefined; deletes: PendingDeletes } {
  const deletes = useContext(PendingDeletesContext)
  if (!deletes) throw new Error('useDeleteStatus needs <PendingDeletesContext.Provider> above it.')
  const read = () => deletes.status(id)
  return { status: useSyncExternalStore(deletes.subscribe, read, read), deletes }
}
