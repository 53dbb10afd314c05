import type { z } from 'zod'
import { describeIssues, VideoValidationError } from './errors'

/**
 * Parses a server body with a schema; a mismatch becomes a {@link VideoValidationError} naming what was
 * wrong, so nothing half-valid ever reaches the cache.
 *
 * @example const video = parseBody(VideoSchema, result.body, 'GET /videos/abc')
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, source: string): z.infer<T> {
  const result = schema.safeParse(body)
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
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new VideoValidationError(
    `Invalid ${what}: ${describeIssues(result.error.issues)}. Nothing was sent.`,
    result.error.issues,
    input,
  )
}
