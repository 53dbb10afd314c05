import { VideoClientError } from '@vidjob/core'

/**
 * Core reports its failures as `VideoClientError`s; anything else that reaches a hook (a platform error
 * from reading a body, a stubbed client in a test) is wrapped, so hook state has one error type.
 *
 * @example
 * promise.catch((error: unknown) => setError(asVideoClientError(error)))
 */
export function asVideoClientError(error: unknown): VideoClientError {
  if (error instanceof VideoClientError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new VideoClientError(message, { cause: error })
}
