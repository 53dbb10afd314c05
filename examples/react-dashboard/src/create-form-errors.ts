import {
  CreateVideoParamsSchema,
  VideoValidationError,
  type CreateVideoParams,
  type ValidationIssue,
} from '@vidjob/core'
import { plainIssue } from './shared/messages'

/** The fields of the create form, plus `form` for a problem that belongs to none of them. */
export type CreateField = keyof CreateVideoParams | 'form'

/** One message per field, in plain words, from the first issue the schema gave. */
export type CreateFieldErrors = Partial<Record<CreateField, string>>

const FIELDS: ReadonlySet<string> = new Set(Object.keys(CreateVideoParamsSchema.shape))

/**
 * Puts each schema issue under the field it is about, in plain words, so the form shows it next to that
 * input.
 *
 * @example
 * issuesByField([{ code: 'too_small', path: ['prompt'], message: 'prompt must not be empty', input: '' }])
 * // { prompt: 'Describe what you want to see first.' }
 */
export function issuesByField(issues: readonly ValidationIssue[], params?: unknown): CreateFieldErrors {
  const errors: CreateFieldErrors = {}
  for (const issue of issues) {
    const [head] = issue.path
    const field: CreateField = typeof head === 'string' && FIELDS.has(head) ? (head as CreateField) : 'form'
    errors[field] ??= plainIssue(issue, params)
  }
  return errors
}

/**
 * Checks params with the same schema the client applies before sending, for messages without a round trip.
 *
 * @example
 * const errors = checkCreateParams({ prompt: '' }) // { prompt: 'Describe what you want to see first.' }
 */
export function checkCreateParams(params: CreateVideoParams): CreateFieldErrors {
  const result = CreateVideoParamsSchema.safeParse(params)
  return result.success ? {} : issuesByField(result.error.issues, params)
}

/**
 * The field errors carried by a failed create (a `VideoValidationError`), or none for other failures,
 * which the form shows as a general alert instead.
 *
 * @example
 * const errors = create.error ? errorsOfFailure(create.error) : {}
 */
export function errorsOfFailure(error: unknown): CreateFieldErrors {
  return error instanceof VideoValidationError ? issuesByField(error.issues, error.body) : {}
}
