import { useRef } from 'react'
import { keepLeavingRows, type RowSlot } from '@vidjob/dashboard-shared'

/**
 * {@link keepLeavingRows} over renders: the rows of the list, with the ones that left kept in place while
 * `hold` is true.
 *
 * @example const rows = useHeldRows(videos.map((v) => v.id), pointerInList)
 */
export function useHeldRows(ids: readonly string[], hold: boolean): readonly RowSlot[] {
  const previous = useRef<readonly RowSlot[]>([])
  previous.current = keepLeavingRows(previous.current, ids, hold)
  return previous.current
}
