import { VideoValidationError } from '../errors'

/**
 * Paths of the Videos API, relative to a `baseURL` that already holds any version prefix (`.../v1`).
 * Every transport builds its paths here, so the id guard and the encoding cannot drift apart.
 */

/** The collection path: `GET /videos` lists, `POST /videos` creates. */
export const VIDEOS_PATH = '/videos'

/** The sub-resources of one video. */
export type VideoAction = 'remix' | 'content'

/** A query value as transports receive it; `undefined` means "not sent". */
export type QueryValue = string | number | undefined

/** `query` without its undefined entries. */
export type DefinedQuery<Q> = { [K in keyof Q]?: Exclude<Q[K], undefined> }

/**
 * Refuses an id that would not address exactly one video: not a string, empty, `.` or `..`
 * (the last two are dot-segments that URL resolution collapses, even when percent-encoded, so they would
 * reach `/videos` itself or its parent). Throws before anything is sent.
 */
export function assertVideoId(id: unknown): asserts id is string {
  const reason = idProblem(id)
  if (reason === undefined) return
  throw new VideoValidationError(
    `Refusing to send a request for video id ${JSON.stringify(id) ?? String(id)}: ${reason}.`,
    [{ code: 'custom', path: [], message: reason, input: id }],
    id,
  )
}

function idProblem(id: unknown): string | undefined {
  if (typeof id !== 'string') return `a video id must be a string, got ${typeof id}`
  if (id === '') return 'a video id must not be empty'
  if (id === '.' || id === '..')
    return `"${id}" is a dot-segment and would address another path than one video`
  return undefined
}

/**
 * The path of one video or one of its sub-resources, with the id checked ({@link assertVideoId}) and
 * encoded with `encodeURIComponent`, so `/`, `?`, `#` and `..` inside an id stay inside its segment.
 */
export function videoPath(id: string, action?: VideoAction): string {
  assertVideoId(id)
  const path = `${VIDEOS_PATH}/${encodeURIComponent(id)}`
  return action === undefined ? path : `${path}/${action}`
}

/** Drops the undefined entries of a query, so only what the caller set is sent. */
export function definedQuery<Q extends Record<string, QueryValue>>(query: Q): DefinedQuery<Q> {
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as DefinedQuery<Q>
}

/** Appends the defined entries of `query` to `path`; no `?` when none is defined. */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(definedQuery(query))) search.append(name, String(value))
  const encoded = search.toString()
  return encoded === '' ? path : `${path}?${encoded}`
}
