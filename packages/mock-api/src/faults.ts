import type { Random } from './random'
import type { MockEndpoint } from './routes'
import { assertIntegerIn, assertNonNegative, assertProbability } from './validation'

/**
 * Where a replacing fault strikes: by default instead of the work (nothing happens, the fault answers);
 * `after: 'work'` lets the server do the work (create stores the job, delete deletes it, remix creates)
 * and then loses its answer, as when a gateway times out or a connection breaks on the way back.
 */
export interface MockFaultTiming {
  after?: 'work'
}

/** A failure the mock can inject instead of (or before) its normal answer. */
export type MockFault =
  /** An error status with the JSON error envelope. */
  | ({ type: 'error'; status: number; code?: string; message?: string } & MockFaultTiming)
  /** A 429 with `retry-after` (whole seconds, rounded up) and/or `retry-after-ms`; default `'both'`. */
  | ({
      type: 'rate-limit'
      retryAfterMs: number
      header?: 'retry-after' | 'retry-after-ms' | 'both'
    } & MockFaultTiming)
  /** The connection drops: `fetch`/`handle` reject with `TypeError('fetch failed')`; the server destroys the socket. */
  | ({ type: 'drop' } & MockFaultTiming)
  /** A 200 `application/json` answer whose body is not JSON. */
  | ({ type: 'malformed' } & MockFaultTiming)
  /** A 200 JSON answer that breaks the video / list shape. */
  | ({ type: 'schema' } & MockFaultTiming)
  /**
   * An extra delay, then the normal answer. A read is answered from the state when it arrived; a write
   * acts when the delay is over (so aborting it during the delay leaves nothing done).
   */
  | { type: 'latency'; ms: number }
  /**
   * The server does the work when the request arrives and holds the answer `ms`, so requests sent after
   * it are answered first: an older snapshot lands after a newer one, a create's answer after a list that
   * already shows the job.
   */
  | { type: 'reorder'; ms: number }
  /**
   * A lagging replica: a read (list, retrieve, content) answers each job's state as it was `ms` ago, though
   * it was sent after newer answers, so only the data itself shows it is old. Which jobs exist is read
   * now; writes ignore it.
   */
  | { type: 'lag'; ms: number }

/** When to inject a fault: every given filter must match; `times` limits uses, `probability` draws from the seed. */
export interface MockFaultRule {
  fault: MockFault
  method?: string
  endpoint?: MockEndpoint
  id?: string
  times?: number
  probability?: number
}

/** The fault rules of a mock API. */
export interface MockFaults {
  /** Adds a rule (checked after earlier ones); returns a function that removes it. */
  add(rule: MockFaultRule): () => void
  /** Injects `fault` into the next matching request only. */
  next(fault: MockFault, match?: Omit<MockFaultRule, 'fault' | 'times'>): () => void
  /** Removes every rule. */
  clear(): void
  /** The rules in force, with the `times` they have left. */
  readonly rules: readonly MockFaultRule[]
}

/** What a fault rule is matched against. */
export interface FaultTarget {
  method: string
  endpoint: MockEndpoint | 'unknown'
  /** The mock's own job id. */
  id?: string
  /** The id as sent, where the profile encodes ids; a rule's `id` may name either. */
  wireId?: string
}

/** {@link MockFaults} plus the choice of the fault for a request. */
export interface FaultInjector extends MockFaults {
  /** The fault to apply to this request, consuming one of its rule's `times`; `undefined` for none. */
  pick(target: FaultTarget): MockFault | undefined
}

/**
 * Fault rules, tried in the order they were added; the first that matches (and wins its seeded
 * probability draw) applies.
 */
export function createFaults(random: Random): FaultInjector {
  let rules: MockFaultRule[] = []
  const remover = (rule: MockFaultRule) => (): void => {
    rules = rules.filter((candidate) => candidate !== rule)
  }
  const faults: FaultInjector = {
    add(rule) {
      assertRule(rule)
      const stored = { ...rule }
      rules.push(stored)
      return remover(stored)
    },
    next: (fault, match = {}) => faults.add({ ...match, fault, times: 1 }),
    clear() {
      rules = []
    },
    get rules() {
      return rules.map((rule) => ({ ...rule }))
    },
    pick(target) {
      const rule = rules.find((candidate) => matches(candidate, target) && wins(candidate, random))
      if (!rule) return undefined
      if (rule.times !== undefined) {
        rule.times -= 1
        if (rule.times === 0) remover(rule)()
      }
      return rule.fault
    },
  }
  return faults
}

function matches(rule: MockFaultRule, target: FaultTarget): boolean {
  return (
    (rule.method === undefined || rule.method.toUpperCase() === target.method) &&
    (rule.endpoint === undefined || rule.endpoint === target.endpoint) &&
    (rule.id === undefined || rule.id === target.id || rule.id === target.wireId)
  )
}

function wins(rule: MockFaultRule, random: Random): boolean {
  return rule.probability === undefined || random() < rule.probability
}

/** Every fault type, to refuse a rule that arrived as JSON with another. */
const FAULT_TYPES: ReadonlySet<string> = new Set<MockFault['type']>([
  'error',
  'rate-limit',
  'drop',
  'malformed',
  'schema',
  'latency',
  'reorder',
  'lag',
])

function assertRule(rule: MockFaultRule): void {
  const type: unknown = (rule as { fault?: { type?: unknown } }).fault?.type
  if (typeof type !== 'string' || !FAULT_TYPES.has(type)) {
    throw new RangeError(
      `A fault rule needs fault.type, one of ${[...FAULT_TYPES].join(', ')}; got ${JSON.stringify(type)}.`,
    )
  }
  if (rule.times !== undefined) assertIntegerIn(rule.times, 1, Number.MAX_SAFE_INTEGER, 'fault rule times')
  if (rule.probability !== undefined) assertProbability(rule.probability, 'fault rule probability')
  const { fault } = rule
  if (fault.type === 'error') assertIntegerIn(fault.status, 400, 599, 'error fault status')
  if (fault.type === 'rate-limit') assertNonNegative(fault.retryAfterMs, 'rate-limit fault retryAfterMs')
  if (fault.type === 'latency' || fault.type === 'reorder' || fault.type === 'lag')
    assertNonNegative(fault.ms, `${fault.type} fault ms`)
  if ('after' in fault && fault.after !== undefined && fault.after !== 'work') {
    throw new RangeError(`${fault.type} fault after must be 'work' or absent, got ${String(fault.after)}.`)
  }
}
