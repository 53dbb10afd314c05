/** A row of the list: a video still in it, or one that just left and keeps its place for now. */
export interface RowSlot {
  readonly id: string
  /** The video left the list; its row holds the space so the rows below do not move. */
  readonly gone: boolean
}

/**
 * The rows to draw for `ids` (the list as it is now). While `hold` is true, a row that left keeps its
 * slot, after the row it followed before, so nothing below slides under the pointer; once `hold` is false
 * (the pointer left the list) the slots close. Idempotent: the same inputs give the same rows.
 *
 * @example
 * keepLeavingRows([{ id: 'a', gone: false }, { id: 'b', gone: false }, { id: 'c', gone: false }], ['a', 'c'], true)
 * // [{ id: 'a', gone: false }, { id: 'b', gone: true }, { id: 'c', gone: false }]
 */
export function keepLeavingRows(
  previous: readonly RowSlot[],
  ids: readonly string[],
  hold: boolean,
): RowSlot[] {
  const rows = ids.map((id) => ({ id, gone: false }))
  if (!hold) return rows
  const present = new Set(ids)
  let anchor: string | undefined
  const after = new Map<string | undefined, RowSlot[]>()
  for (const slot of previous) {
    if (present.has(slot.id)) anchor = slot.id
    else after.set(anchor, [...(after.get(anchor) ?? []), { id: slot.id, gone: true }])
  }
  return [...(after.get(undefined) ?? []), ...rows.flatMap((row) => [row, ...(after.get(row.id) ?? [])])]
}
