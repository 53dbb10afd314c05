import type * as z from 'zod/mini'
import { en } from 'zod/locales'
import { describeIssues, VideoValidationError } from './errors'
import { VideoListSchema, VideoSchema, type Video, type VideoList } from './schema'

// zod/mini ships no messages; English ones are passed per parse rather than through the global
// `z.config()`, which would change the app's own zod messages behind its back.
const ENGLISH = { error: /* @__PURE__ */ en().localeError }

/**
 * Parses a server body with a schema; a mismatch becomes a {@link VideoValidationError} naming what was
 * wrong, so nothing half-valid ever reaches the cache.
 *
 * @example const video = parseBody(VideoSchema, result.body, 'GET /videos/abc')
 */
export function parseBody<T extends z.ZodMiniType>(schema: T, body: unknown, source: string): z.infer<T> {
  const result = schema.safeParse(body, ENGLISH)
  if (result.success) return result.data
  throw new VideoValidationError(
    `${source} answered with data that breaks the Videos API schema (${describeIssues(result.error.issues)}). ` +
      'The last good data is kept. Check that baseURL points at a compatible Videos API.',
    result.error.issues,
    body,
  )
}

/**
 * Checks input before it is sent; a mismatch becomes a {@link VideoValidationError} and nothing is sent.
 *
 * @example const params = parseInput(CreateVideoParamsSchema, input, 'create() params')
 */
export function parseInput<T extends z.ZodMiniType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input, ENGLISH)
  if (result.success) return result.data
  throw new VideoValidationError(
    `Invalid ${what}: ${describeIssues(result.error.issues)}. Nothing was sent.`,
    result.error.issues,
    input,
  )
}

/**
 * The cached video equal to a raw server object, if there is one. Such an object needs no parse: the
 * video schemas have no transforms or defaults (a spec pins that), so data equal to a parsed video is
 * valid and parses to an equal value.
 */
export type FindEqualCached = (raw: unknown) => Video | undefined

/**
 * Parses a video body unless it equals the cached video, which is then returned as is. Most poll answers
 * repeat what the cache holds, and a deep compare costs a fraction of a parse.
 *
 * @example const video = parseVideo(result.body, `GET /videos/${id}`, (raw) => store.findEqual(raw))
 */
export function parseVideo(body: unknown, source: string, findEqual: FindEqualCached): Video {
  return findEqual(body) ?? parseBody(VideoSchema, body, source)
}

/**
 * Parses a list page, validating only the rows that differ from the cache; unchanged rows come back as
 * the cached objects. Any invalid part rejects the whole page with the error a full parse gives.
 *
 * @example const page = parseVideoList(result.body, 'GET /videos', (raw) => store.findEqual(raw))
 */
export function parseVideoList(body: unknown, source: string, findEqual: FindEqualCached): VideoList {
  const rows = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined
  if (!Array.isArray(rows)) return parseBody(VideoListSchema, body, source)
  const cached = rows.map(findEqual)
  const fresh = rows.filter((_, index) => cached[index] === undefined)
  if (fresh.length === rows.length) return parseBody(VideoListSchema, body, source)
  const result = VideoListSchema.safeParse({ ...(body as object), data: fresh }, ENGLISH)
  // The rows left out are valid, so the full body fails too and yields issues with the right row indexes.
  if (!result.success) return parseBody(VideoListSchema, body, source)
  let next = 0
  return { ...result.data, data: cached.map((video) => video ?? (result.data.data[next++] as Video)) }
}
