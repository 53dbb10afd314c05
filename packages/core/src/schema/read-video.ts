import { dequal } from 'dequal/lite'
import { parseBody, safeParse } from './parse'
import { VideoListSchema, VideoSchema, type Video, type VideoList } from './video'

/**
 * The one place that turns a server body into a `Video` (or a page of them). Every source (a poll, a list
 * page, a create answer, a pushed update) comes through here before the store sees it.
 */

/** The cached video of an id, if any. */
export type CachedVideo = (id: string) => Video | undefined

/**
 * The cached video deep-equal to a raw server object, if there is one. Such an object needs no parse: the
 * video schemas have no transforms or defaults (a spec pins that), so data equal to a parsed video is
 * valid and parses to an equal value.
 */
function equalCached(raw: unknown, cached: CachedVideo): Video | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined
  const video = typeof id === 'string' ? cached(id) : undefined
  return video !== undefined && dequal(video, raw) ? video : undefined
}

/**
 * Parses a video body unless it equals the cached video, which is then returned as is. Most poll answers
 * repeat what the cache holds, and a deep compare costs a fraction of a parse.
 */
export function parseVideo(body: unknown, source: string, cached: CachedVideo): Video {
  return equalCached(body, cached) ?? parseBody(VideoSchema, body, source)
}

/**
 * Parses a list page, validating only the rows that differ from the cache; unchanged rows come back as
 * the cached objects. Any invalid part rejects the whole page with the error a full parse gives.
 */
export function parseVideoList(body: unknown, source: string, cached: CachedVideo): VideoList {
  const rows = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined
  if (!Array.isArray(rows)) return parseBody(VideoListSchema, body, source)
  const equal = rows.map((row) => equalCached(row, cached))
  const fresh = rows.filter((_, index) => equal[index] === undefined)
  if (fresh.length === rows.length) return parseBody(VideoListSchema, body, source)
  const result = safeParse(VideoListSchema, { ...(body as object), data: fresh })
  // The rows left out are valid, so the full body fails too and yields issues with the right row indexes.
  if (!result.success) return parseBody(VideoListSchema, body, source)
  let next = 0
  return { ...result.data, data: equal.map((video) => video ?? (result.data.data[next++] as Video)) }
}
