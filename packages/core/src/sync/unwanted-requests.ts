import type { Inflight } from './poll-track'

/**
 * Requests some of whose jobs were released or ended in this task: each is aborted at the task's end
 * unless it still answers a job someone needs. Checked once then: a dashboard that unmounts releases
 * thousands of jobs in one loop, and a page serves up to 100 of them, so checking each release on its
 * own would cost O(riders²).
 */
export class UnwantedRequests {
  readonly #leaving = new Map<AbortController, ReadonlySet<string>>()
  readonly #wanted: (id: string) => boolean

  constructor(wanted: (id: string) => boolean) {
    this.#wanted = wanted
  }

  /** A job of `inflight` left: the request is looked at again at the end of the task. */
  add(inflight: Inflight): void {
    if (this.#leaving.size === 0) queueMicrotask(() => this.#abortUnwanted())
    this.#leaving.set(inflight.controller, inflight.ids)
  }

  #abortUnwanted(): void {
    for (const [controller, ids] of this.#leaving) if (![...ids].some(this.#wanted)) controller.abort()
    this.#leaving.clear()
  }
}
