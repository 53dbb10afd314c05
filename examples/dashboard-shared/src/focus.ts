/**
 * Where keyboard focus goes when what held it goes away: a closed detail view hands it back to its row, a
 * deleted row to the list's heading. Rows are found by the `data-job-id` of the selectors contract.
 */

const rowOf = (id: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`[data-job-id="${CSS.escape(id)}"]`)

const focusListHeading = (): void => document.getElementById('videos-heading')?.focus()

/**
 * Focuses the link of a video's row, or the list's heading when the row is not on screen.
 *
 * @example focusRow(id) // after closing its detail view
 */
export function focusRow(id: string): void {
  const link = rowOf(id)?.querySelector<HTMLElement>('[data-testid="job-link"]')
  if (link) link.focus()
  else focusListHeading()
}

/**
 * Before a row leaves the page: if focus is inside it, moves focus to the list's heading, so a keyboard
 * user is not dropped at the top of the document.
 *
 * @example moveFocusOutOfRow(id); await client.delete(id)
 */
export function moveFocusOutOfRow(id: string): void {
  if (rowOf(id)?.contains(document.activeElement)) focusListHeading()
}
