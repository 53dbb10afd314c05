import type { MockFault } from './faults'
import type { MockEndpoint } from './routes'

/** One request the mock received, updated with its outcome once answered. */
export interface MockRequestLogEntry {
  /** 1, 2, 3...: also the answer's `x-request-id` (`req_<seq>`). */
  seq: number
  method: string
  endpoint: MockEndpoint | 'unknown'
  /** The path as received (not decoded). */
  path: string
  /** The job's id for item routes: the decoded `{id}` of the path, as the profile resolves it to the mock's own. */
  id?: string
  /** The id as sent, when the profile's server encodes ids (LiteLLM, new-api, vLLM-Omni) and it differs. */
  wireId?: string
  query: Record<string, string>
  /** Clock time (ms) when the request arrived. */
  receivedAt: number
  /** The answer's status, or how it ended without one; absent while in flight. */
  status?: number | 'dropped' | 'aborted'
  /** The injected fault that shaped the answer, if any. */
  fault?: MockFault['type']
  /** Set when the fault replaced the answer after the server had done the work (`after: 'work'`). */
  afterWork?: true
}

/** Which requests `count()` counts; every given field must match. */
export interface MockRequestFilter {
  endpoint?: MockEndpoint
  method?: string
  id?: string
}

/** The request log and its queries. */
export interface RequestLog {
  readonly entries: readonly MockRequestLogEntry[]
  record(entry: Omit<MockRequestLogEntry, 'seq'>): MockRequestLogEntry
  count(filter?: MockRequestFilter): number
  reset(): void
}

/**
 * A log of every request, in arrival order. Sequence numbers keep rising across `reset()` so request
 * ids stay unique for the life of the mock.
 */
export function createRequestLog(): RequestLog {
  const entries: MockRequestLogEntry[] = []
  let seq = 0
  return {
    entries,
    record(fields) {
      seq += 1
      const entry: MockRequestLogEntry = { seq, ...fields }
      entries.push(entry)
      return entry
    },
    count: (filter = {}) => entries.filter((entry) => matches(entry, filter)).length,
    reset() {
      entries.length = 0
    },
  }
}

function matches(entry: MockRequestLogEntry, filter: MockRequestFilter): boolean {
  return (
    (filter.endpoint === undefined || entry.endpoint === filter.endpoint) &&
    (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
    (filter.id === undefined || entry.id === filter.id || entry.wireId === filter.id)
  )
}
