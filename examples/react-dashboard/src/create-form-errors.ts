import { VideoValidationError, type CreateVideoParams, type ValidationIssue } from '@vidjob/core'
import { CreateVideoParamsSchema } from '@vidjob/core/schema'

/** The fields of the create form, plus `form` for a problem that belongs to none of them. */
export type CreateField = keyof CreateVideoParams | 'form'

/** One message per field, the first the schema gave. */
export type CreateFieldErrors = Partial<Record<CreateField, string>>

const FIELDS: ReadonlySet<string> = new Set(Object.keys(CreateVideoParamsSchema.shape))

/**
 * Puts each schema issue under the field it is about, so the form shows it next to that input.
 *
 * @example
 * issuesByField([{ code: 'too_small', path: ['prompt'], message: 'prompt must not be empty', ... }])
 * // { prompt: 'prompt must not be empty' }
 */
export function issuesByField(issues: readonly ValidationIssue[]): CreateFieldErrors {
  const errors: CreateFieldErrors = {}
  for (const issue of issues) {
    const [head] = issue.path
    const field: CreateField = typeof head === 'string' && FIELDS.has(head) ? (head as CreateField) : 'form'
    errors[field] ??= issue.message
  }
  return errors
}

/**
 * Checks params with the same schema the client applies before sending, for messages without a round trip.
 *
 * @example
 * const errors = checkCreateParams({ prompt: '' }) // { prompt: 'prompt must not be empty' }
 */
export function checkCreateParams(params: CreateVideoParams): CreateFieldErrors {
  const result = CreateVideoParamsSchema.safeParse(params)
  return result.success ? {} : issuesByField(result.error.issues)
}

/**
 * The field errors carried by a failed create (a `VideoValidationError`), or none for other failures,
 * which the form shows as a general alert instead.
 *
 * @example
 * const errors = create.error ? errorsOfFailure(create.error) : {}
 */
export function errorsOfFailure(error: unknown): CreateFieldErrors {
  return error instanceof VideoValidationError ? issuesByField(error.issues) : {}
}
