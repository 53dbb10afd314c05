import type { ValidationIssue } from '@vidjob/core'

/**
 * The first message of each top-level field, from the issues of a schema (or of a `VideoValidationError`),
 * so a form shows the schema's own words beside the right input.
 *
 * @example
 * const result = CreateVideoParamsSchema.safeParse(params)
 * const errors = result.success ? {} : fieldErrors(result.error.issues) // { prompt: 'prompt must not be empty' }
 */
export function fieldErrors(issues: readonly ValidationIssue[]): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= issue.message
  }
  return errors
}
