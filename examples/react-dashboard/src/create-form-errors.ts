import type { CreateVideoParams } from '@vidjob/core'
import { CreateVideoParamsSchema, validateCreateVideoParams } from '@vidjob/core/schema'
import { plainFieldErrors } from '@vidjob/dashboard-shared'

/** The fields of the create form, plus `form` for a problem that belongs to none of them. */
export type CreateField = keyof CreateVideoParams | 'form'

/** One message per field, in plain words. */
export type CreateFieldErrors = Partial<Record<CreateField, string>>

const FIELDS: ReadonlySet<string> = new Set(Object.keys(CreateVideoParamsSchema.shape))

/**
 * The field errors carried by a failed create (a `VideoValidationError`), in plain words under the form's
 * own fields (anything else under `form`), or none for other failures, which the form shows as a general
 * alert instead.
 *
 * @example
 * const errors = create.error ? errorsOfFailure(create.error) : {}
 */
export function errorsOfFailure(error: unknown): CreateFieldErrors {
  const errors: CreateFieldErrors = {}
  for (const [field, message] of Object.entries(plainFieldErrors(error)))
    if (message !== undefined) errors[FIELDS.has(field) ? (field as CreateField) : 'form'] ??= message
  return errors
}

/**
 * Checks params exactly as the client does before sending, for messages without a round trip.
 *
 * @example
 * const errors = checkCreateParams({ prompt: '' }) // { prompt: 'Describe what you want to see first.' }
 */
export function checkCreateParams(params: CreateVideoParams): CreateFieldErrors {
  return errorsOfFailure(validateCreateVideoParams(params))
}
