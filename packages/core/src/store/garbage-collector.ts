import { TimerSlot, type Scheduler } from '../scheduler'
import type { VideoStore } from './video-store'

/** A cached list, which the sweep drops once nobody has observed it for `gcTime`. */
export interface CollectableList {
  /** When its last observer left (undefined while observed or empty). */
  readonly idleSince: number | undefined
  /** Drops its pages, which releases its rows. */
  reset(): void
}

/** Where requests stand: every answer still to come is to a request sent at or after `horizon`. */
export interface RequestHorizon {
  readonly horizon: number
}

/**
 * One sweep for everything a client caches: job entries nobody observes and lists nobody observes are
 * dropped after `gcTime`, and with them the tombstones no answer can contradict any more. It holds a
 * (background) timer only while something is waiting to be collected.
 */
export class GarbageCollector {
  readonly #lists = new Set<CollectableList>()
  readonly #timer: TimerSlot
  #disposed = false
  readonly #store: VideoStore
  readonly #scheduler: Scheduler
  readonly #gcTime: number

  readonly #requests: RequestHorizon

  constructor(store: VideoStore, scheduler: Scheduler, gcTime: number, requests: RequestHorizon) {
    this.#store = store
    this.#requests = requests
    this.#scheduler = scheduler
    this.#gcTime = gcTime
    this.#timer = new TimerSlot(scheduler, { background: true })
    store.onIdle(() => this.#ensureSweep())
  }

  /** Sweeps `list` with the entries from now on. */
  track(list: CollectableList): void {
    this.#lists.add(list)
  }

  dispose(): void {
    this.#disposed = true
    this.#timer.disarm()
  }

  #ensureSweep(): void {
    if (this.#timer.at !== undefined || this.#disposed) return
    this.#timer.arm(this.#scheduler.now() + this.#gcTime, () => this.#sweep())
  }

  #sweep(): void {
    const now = this.#scheduler.now()
    let next: number | undefined
    for (const list of this.#lists) {
      const idleSince = list.idleSince
      if (idleSince === undefined) continue
      if (idleSince + this.#gcTime <= now) list.reset()
      else next = Math.min(next ?? idleSince + this.#gcTime, idleSince + this.#gcTime)
    }
    const nextEntry = this.#store.collectGarbage(this.#gcTime)
    this.#store.pruneTombstones(this.#requests.horizon)
    if (nextEntry !== undefined) next = Math.min(next ?? nextEntry, nextEntry)
    // An entry that went idle during the sweep may have armed the timer already: keep the earlier time.
    const armed = this.#timer.at
    this.#timer.arm(next === undefined ? armed : Math.min(next, armed ?? next), () => this.#sweep())
  }
}
