import { errorResponse, jsonResponse, MockApiError } from './envelope'
import type { MockFault } from './faults'
import type { MockEndpoint } from './routes'

/**
 * How the mock signals a dropped connection: the same `TypeError('fetch failed')` a real `fetch` throws,
 * as its own class so the node server knows to destroy the socket instead of answering.
 */
export class ConnectionDroppedError extends TypeError {
  constructor() {
    super('fetch failed', {
      cause: new Error('The mock API dropped the connection (injected "drop" fault).'),
    })
  }
}

/** Every fault that replaces the answer (latency and reorder only delay it, lag only ages its data). */
export type ReplacingFault = Exclude<MockFault, { type: 'latency' | 'reorder' | 'lag' }>

/** Whether `fault` replaces the answer (rather than delaying it). */
export function isReplacingFault(fault: MockFault | undefined): fault is ReplacingFault {
  return fault !== undefined && fault.type !== 'latency' && fault.type !== 'reorder' && fault.type !== 'lag'
}

/** The answer that replaces the normal one for `fault`; throws {@link ConnectionDroppedError} for `drop`. */
export function faultResponse(fault: ReplacingFault, endpoint: MockEndpoint | 'unknown'): Response {
  const error = faultError(fault)
  if (error) return errorResponse(error)
  switch (fault.type) {
    case 'drop':
      throw new ConnectionDroppedError()
    case 'malformed':
      return new Response('{"object": "video", "id": "video_trunc', {
        headers: { 'content-type': 'application/json' },
      })
    default:
      return jsonResponse(endpoint === 'list' ? brokenList() : brokenVideo())
  }
}

/**
 * The error an `error` or `rate-limit` fault answers with, for the profile to word and shape;
 * `undefined` for the faults that break the answer itself.
 */
export function faultError(fault: ReplacingFault): MockApiError | undefined {
  if (fault.type === 'error') {
    return new MockApiError(fault.status, {
      message: fault.message ?? faultMessage(fault.status),
      code: fault.code ?? null,
      reason: 'fault',
    })
  }
  return fault.type === 'rate-limit' ? rateLimitError(fault) : undefined
}

/** What a service says with these statuses; the fault is the mock's, the words are not. */
const FAULT_MESSAGES: Readonly<Record<number, string>> = {
  500: 'The server had an error while processing your request. Retry the request.',
  502: 'Bad gateway: the upstream service did not answer. Retry the request.',
  503: 'The service is temporarily overloaded. Retry the request.',
  504: 'The upstream service timed out. Retry the request.',
}

function faultMessage(status: number): string {
  return FAULT_MESSAGES[status] ?? `The request failed with HTTP ${status}. Retry the request.`
}

function rateLimitError(fault: Extract<MockFault, { type: 'rate-limit' }>): MockApiError {
  const header = fault.header ?? 'both'
  const headers: Record<string, string> = {}
  if (header !== 'retry-after-ms') headers['retry-after'] = String(Math.ceil(fault.retryAfterMs / 1000))
  if (header !== 'retry-after') headers['retry-after-ms'] = String(fault.retryAfterMs)
  return new MockApiError(429, {
    message: `Rate limit reached for requests. Retry after ${fault.retryAfterMs} ms.`,
    code: 'rate_limit_exceeded',
    headers,
    reason: 'fault',
  })
}

/** A video with an unknown status, an impossible progress, a non-integer time and no id. */
function brokenVideo(): Record<string, unknown> {
  return { object: 'video', status: 'rendering', progress: 250, created_at: 'yesterday', model: 'sora-2' }
}

function brokenList(): Record<string, unknown> {
  return { object: 'list', data: [brokenVideo()], first_id: null, last_id: null, has_more: 'maybe' }
}
