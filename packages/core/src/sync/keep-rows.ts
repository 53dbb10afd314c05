import { VideoValidationError } from '../errors'
import type { ListRequestQuery } from '../transport/types'

/** The spec's largest page: a list answer is never read past it, whatever `limit` was asked. */
export const MAX_PAGE_ROWS = 100

/**
 * A page of more rows than `limit` keeps its first `limit` (validating and caching 100,000 rows a hostile
 * or broken server sent for `limit=20` would stall the page for seconds): the rest are dropped unread, and
 * the error says so.
 */
export function keepRows(
  body: unknown,
  limit: number,
  query: ListRequestQuery,
): { body: unknown; excess?: VideoValidationError } {
  const rows = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined
  if (!Array.isArray(rows) || rows.length <= limit) return { body }
  const asked =
    query.limit === undefined ? `at most ${MAX_PAGE_ROWS} (the spec's largest page)` : `limit=${limit}`
  const excess = new VideoValidationError(
    `GET /videos answered ${rows.length} rows for ${asked}: the first ${limit} are kept and the rest ` +
      'dropped unread. The server ignores the limit; the list pages on from the last row kept.',
    [],
    { rows: rows.length, limit },
  )
  return { body: { ...(body as object), data: rows.slice(0, limit) }, excess }
}
