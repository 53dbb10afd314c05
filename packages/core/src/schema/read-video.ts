import { dequal } from 'dequal/lite'
import { normalizeVideo, type NormalizeContext } from './normalize'
import { parseBody, safeParse } from './parse'
import { VideoListSchema, VideoSchema, type Video, type VideoList } from './video'

/**
 * The one place that turns a server body into a `Video` (or a page of them): normalized (a compatible
 * server's statuses, nulls and ids, see `normalize.ts`), then validated. Every source (a poll, a list page, a
 * create answer, a pushed update) comes through here before the store sees it.
 */

/** What reading a body needs to know: the job asked about, its aliases, the cache, the time. */
export type ReadContext = NormalizeContext

/**
 * The cached video deep-equal to a normalized server object, if there is one. Such an object needs no
 * parse: the video schemas have no transforms or defaults (a spec pins that), so data equal to a parsed
 * video is valid and parses to an equal value.
 */
function equalCached(normalized: unknown, context: ReadContext): Video | undefined {
  const id =
    typeof normalized === 'object' && normalized !== null ? (normalized as { id?: unknown }).id : undefined
  const video = typeof id === 'string' ? context.cached?.(id) : undefined
  return video !== undefined && dequal(video, normalized) ? video : undefined
}

/**
 * Reads a video body; one equal to the cached video is the cached object itself. Most poll answers repeat
 * what the cache holds, and a deep compare costs a fraction of a parse.
 */
export function parseVideo(body: unknown, source: string, context: ReadContext): Video {
  const normalized = normalizeVideo(body, context)
  return equalCached(normalized, context) ?? parseBody(VideoSchema, normalized, source, body)
}

/**
 * Reads a list page, validating only the rows that differ from the cache; unchanged rows come back as the
 * cached objects. Any invalid part rejects the whole page with the error a full parse gives.
 */
export function parseVideoList(body: unknown, source: string, context: ReadContext): VideoList {
  const rows = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined
  if (!Array.isArray(rows)) return parseBody(VideoListSchema, body, source)
  const rowContext = { ...context, requestedId: undefined }
  const normalized = { ...(body as object), data: rows.map((row) => normalizeVideo(row, rowContext)) }
  const equal = normalized.data.map((row) => equalCached(row, context))
  const fresh = normalized.data.filter((_, index) => equal[index] === undefined)
  if (fresh.length === rows.length) return parseBody(VideoListSchema, normalized, source, body)
  const result = safeParse(VideoListSchema, { ...normalized, data: fresh })
  // The rows left out are valid, so the full body fails too and yields issues with the right row indexes.
  if (!result.success) return parseBody(VideoListSchema, normalized, source, body)
  let next = 0
  return { ...result.data, data: equal.map((video) => video ?? (result.data.data[next++] as Video)) }
}
