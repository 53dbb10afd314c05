import type { Observable } from 'rxjs'

/** The invariants the soak and the property tests check; each finding names one broken promise of the client. */
export const FINDING_KINDS = [
  /** A job state moved backwards (status rank, terminal status or progress). */
  'regression',
  /**
   * A deleted job came back: in a list row, as a non-deleted state after its delete succeeded, or with
   * new data after its delete was confirmed.
   */
  'resurrection',
  /** An optimistic delete was not applied at once, or a failed one did not come back exactly. */
  'delete',
  /** A list emission with a duplicate row or rows out of cursor order, or a bad final list. */
  'list',
  /** A snapshot (`getJob`, `getState`) differed from the last emission its subscriber received. */
  'snapshot',
  /** Equal data got a new object, an untouched job or row changed, or a row is not the cached video. */
  'identity',
  /** Garbage collection dropped an entry something still observes (a watched job, a cached list's row). */
  'collected',
  /** A subscriber's `error` was called, or a promise that must not reject did. */
  'subscriber-error',
  /** After settling, the cache disagrees with the mock's true state. */
  'final-state',
  /** `waitForCompletion` settled wrongly or not at all. */
  'wait',
  /** A request reached the server during a Retry-After pause. */
  'pause',
  /** `events$` told of a job after its `deleted` event, or told a job's end (`completed`, `failed`) twice. */
  'event',
  /**
   * A write the server did whose answer was lost is not reflected: a job deleted behind a 503 does not end
   * deleted, or a job created behind a lost answer is not cached once a list page showed it.
   */
  'lost-answer',
] as const

export type FindingKind = (typeof FINDING_KINDS)[number]

/** How many messages of one kind are kept; the count goes on. */
const KEPT_PER_KIND = 20

/**
 * Collected invariant violations. Messages carry the simulated time and ids, enough to replay the seed
 * and look at that moment.
 *
 * @example
 * const findings = new Findings(() => Date.now())
 * findings.add('regression', `video_1 progress 40 after 50`)
 * findings.messages('regression') // ['[t+0s] video_1 progress 40 after 50']
 */
export class Findings {
  private readonly kept = new Map<FindingKind, string[]>()
  private readonly counts = new Map<FindingKind, number>()

  constructor(private readonly elapsed: () => number) {}

  add(kind: FindingKind, message: string): void {
    this.counts.set(kind, this.count(kind) + 1)
    const kept = this.kept.get(kind) ?? []
    if (kept.length < KEPT_PER_KIND) kept.push(`[t+${(this.elapsed() / 1000).toFixed(1)}s] ${message}`)
    this.kept.set(kind, kept)
  }

  count(kind: FindingKind): number {
    return this.counts.get(kind) ?? 0
  }

  messages(kind: FindingKind): readonly string[] {
    return this.kept.get(kind) ?? []
  }

  /** How many findings of each kind, kept or not. */
  countRecord(): Record<FindingKind, number> {
    return Object.fromEntries(FINDING_KINDS.map((kind) => [kind, this.count(kind)])) as Record<
      FindingKind,
      number
    >
  }

  /** Every kind with its kept messages (empty arrays when the run was clean). */
  toRecord(): Record<FindingKind, readonly string[]> {
    return Object.fromEntries(FINDING_KINDS.map((kind) => [kind, this.messages(kind)])) as Record<
      FindingKind,
      readonly string[]
    >
  }
}

/**
 * Subscribes like a component would, reporting a call of `error` (the client's observables never
 * error) as a finding; returns the unsubscribe.
 *
 * @example
 * const release = subscribeChecked(client.job$(id), findings, `job$(${id})`, (state) => check(state))
 */
export function subscribeChecked<T>(
  source: Observable<T>,
  findings: Findings,
  label: string,
  next: (value: T) => void,
): () => void {
  const subscription = source.subscribe({
    next,
    error: (error: unknown) => findings.add('subscriber-error', `${label} errored: ${String(error)}`),
  })
  return () => subscription.unsubscribe()
}
