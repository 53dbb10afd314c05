import type * as z from 'zod/mini'
import { en } from 'zod/locales'
import { describeIssues, VideoValidationError } from '../errors'

// zod/mini ships no messages; English ones are passed per parse rather than through the global
// `z.config()`, which would change the app's own zod messages behind its back.
const ENGLISH = { error: /* @__PURE__ */ en().localeError }

/** Runs a schema with English messages, without throwing. */
export function safeParse<T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
): z.core.util.SafeParseResult<z.infer<T>> {
  return schema.safeParse(value, ENGLISH)
}

/**
 * Parses a server body with a schema; a mismatch becomes a {@link VideoValidationError} naming what was
 * wrong, so nothing half-valid ever reaches the cache. `received` is the body as the server sent it, when
 * `body` is its normalized form.
 */
export function parseBody<T extends z.ZodMiniType>(
  schema: T,
  body: unknown,
  source: string,
  received: unknown = body,
): z.infer<T> {
  const result = safeParse(schema, body)
  if (result.success) return result.data
  throw new VideoValidationError(
    `${source} answered with data that breaks the Videos API schema (${describeIssues(result.error.issues)}). ` +
      'The last good data is kept. Check that baseURL points at a compatible Videos API.',
    result.error.issues,
    received,
  )
}

/** Checks input before it is sent; a mismatch becomes a {@link VideoValidationError} and nothing is sent. */
export function parseInput<T extends z.ZodMiniType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = safeParse(schema, input)
  if (result.success) return result.data
  throw new VideoValidationError(
    `Invalid ${what}: ${describeIssues(result.error.issues)}. Nothing was sent.`,
    result.error.issues,
    input,
  )
}
