import type { ValidationIssue } from '@vidjob/core'
import { plainIssue } from './shared'

/**
 * One plain message per top-level field, from the first issue the schema (or a `VideoValidationError`)
 * gave for it, so a form shows words a person can act on beside the right input. `params` are the values
 * that were checked.
 *
 * @example
 * const result = CreateVideoParamsSchema.safeParse(params)
 * const errors = result.success ? {} : fieldErrors(result.error.issues, params) // { prompt: 'Describe what you want to see first.' }
 */
export function fieldErrors(
  issues: readonly ValidationIssue[],
  params?: unknown,
): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= plainIssue(issue, params)
  }
  return errors
}
