import type { VideoJobState } from '../types'
import { deriveJobState, type JobFacts } from './job-state'

/** How many idle snapshots of unknown ids are remembered; identity only matters between renders. */
const MAX_IDLE_SNAPSHOTS = 1_000

/**
 * The states the store hands out without holding an entry for them: the idle state of an id it knows
 * nothing about, and the observed view of a state (what `job$` will start with). Both must be the same
 * object on every call, for `useSyncExternalStore`, yet reading them must create nothing.
 */
export class StateMemo {
  readonly #idle = new Map<string, VideoJobState>()
  /** What each unobserved state becomes once observed; weak, so a view dies with its state. */
  readonly #observedViews = new WeakMap<VideoJobState, VideoJobState>()

  /** The stable idle state of an id without an entry (a bounded memo). */
  idle(id: string, facts: () => JobFacts): VideoJobState {
    let idle = this.#idle.get(id)
    if (idle === undefined) {
      idle = deriveJobState(facts())
      this.#idle.set(id, idle)
      if (this.#idle.size > MAX_IDLE_SNAPSHOTS) this.#idle.delete(this.#idle.keys().next().value as string)
    }
    return idle
  }

  /** Hands the idle state of `id` over to a new entry (which keeps it while equal). */
  takeIdle(id: string): VideoJobState | undefined {
    const idle = this.#idle.get(id)
    this.#idle.delete(id)
    return idle
  }

  /** The state `state` becomes once observed and polled: one object per underlying state. */
  observedView(state: VideoJobState, facts: () => JobFacts): VideoJobState {
    if (state.isPolling || state.isTerminal) return state
    let view = this.#observedViews.get(state)
    if (view === undefined) {
      view = deriveJobState({ ...facts(), isPolling: true })
      this.#observedViews.set(state, view)
    }
    return view
  }

  /** The view handed out for `state`, if any: an entry adopts it when observation makes it true. */
  viewOf(state: VideoJobState): VideoJobState | undefined {
    return this.#observedViews.get(state)
  }

  clear(): void {
    this.#idle.clear()
  }
}
