import { invalidParam } from './envelope'

/** A validated `GET /videos` query. */
export interface ListQuery {
  after?: string
  limit: number
  order: 'asc' | 'desc'
}

/** One position in creation order; deleted entries keep theirs so cursors stay valid. */
export interface CursorEntry {
  readonly id: string
  readonly deleted: boolean
}

/** A page of ids and whether more follow. */
export interface Page {
  ids: string[]
  hasMore: boolean
}

/** How {@link paginate} treats a cursor it never saw: a 400 (the spec), or an empty page (some servers). */
export interface PageOptions {
  unknownAfter?: 'error' | 'empty'
}

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100
const LIMIT_PATTERN = /^\d+$/

/**
 * Validates `after`, `limit` (an integer 0–100, default 20) and `order` (`asc` | `desc`, default `desc`),
 * answering 400 with `param` naming the field. A limit outside the spec is refused, never clamped.
 */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const limit = params.get('limit')
  const order = params.get('order') ?? 'desc'
  const after = params.get('after')
  if (limit !== null && (!LIMIT_PATTERN.test(limit) || Number(limit) > MAX_LIMIT)) {
    throw invalidParam('limit', `limit must be an integer from 0 to ${MAX_LIMIT}; got '${limit}'.`)
  }
  if (order !== 'asc' && order !== 'desc')
    throw invalidParam('order', `order must be 'asc' or 'desc'; got '${order}'.`)
  return {
    limit: limit === null ? DEFAULT_LIMIT : Number(limit),
    order,
    ...(after === null ? {} : { after }),
  }
}

/**
 * The page after the cursor, in creation order (`asc`) or its reverse (`desc`). The cursor may be a
 * deleted video: paging on across a delete starts where it stood. An id never seen answers 400.
 */
export function paginate(entries: readonly CursorEntry[], query: ListQuery, options: PageOptions = {}): Page {
  const ordered = query.order === 'asc' ? entries : [...entries].reverse()
  const start = query.after === undefined ? 0 : indexAfter(ordered, query.after, options.unknownAfter)
  const rest = ordered.slice(start).filter((entry) => !entry.deleted)
  return { ids: rest.slice(0, query.limit).map((entry) => entry.id), hasMore: rest.length > query.limit }
}

function indexAfter(
  ordered: readonly CursorEntry[],
  after: string,
  unknownAfter: PageOptions['unknownAfter'] = 'error',
): number {
  const index = ordered.findIndex((entry) => entry.id === after)
  if (index === -1 && unknownAfter === 'empty') return ordered.length
  if (index === -1) {
    throw invalidParam(
      'after',
      `after must be the id of a video from a previous page; '${after}' was never listed here.`,
    )
  }
  return index + 1
}
