import { isAbortError, VideoApiError } from '../errors'

/**
 * What a failed request means for what comes next, decided once for every caller:
 * - `aborted`: someone stopped it; nothing to record;
 * - `rate-limited`: the server asked for a pause (429); every request waits it out;
 * - `gone`: the server does not know the id (404, or new-api's 400 `task_not_exist`);
 * - `unsupported`: the server has no such route or method (405, 501);
 * - `permanent`: asking again will not help (another 4xx, or an id that cannot be sent);
 * - `transient`: worth retrying after a backoff (5xx, 408, network, a body that broke the schema).
 */
export type FailureKind = 'aborted' | 'rate-limited' | 'gone' | 'unsupported' | 'permanent' | 'transient'

export function classifyFailure(error: unknown): FailureKind {
  if (isAbortError(error)) return 'aborted'
  if (!(error instanceof VideoApiError)) return 'transient'
  const { status } = error
  if (status === 429) return 'rate-limited'
  if (status === 404 || (status === 400 && error.code === 'task_not_exist')) return 'gone'
  if (status === 405 || status === 501) return 'unsupported'
  return status >= 400 && status < 500 && status !== 408 ? 'permanent' : 'transient'
}
